# Kapok user interface: English (the reference file; every other language has the same ids).

site-name = Kapok
site-tagline = Urban innovation awards and their public library
skip-to-content = Skip to content
nav-home = Home
nav-awards = Awards
nav-library = Library
nav-cities = Cities
nav-api = Open data (API)
nav-main = Main navigation
lang-switch = Language
footer-about = Kapok runs urban innovation awards end to end and keeps every entry in a public library.
footer-data = Data: Guangzhou Award facts from public press releases; cases from UNDP Accelerator Labs' SDG Innovation Commons (MIT); places from GeoNames (CC BY 4.0).

home-title = Learn from what cities did
home-intro = Every entry of every award cycle, in one library: what a city tried, what changed, and whom to ask.
home-stats = { $initiatives } initiatives from { $cities } cities in { $countries } countries, across { $awards } awards and { $editions } editions.
home-awards = Awards
home-recent = Recent winners
home-browse = Browse the library

awards-title = Awards
award-editions = Editions
award-organisers = Organised by { $organisers }
award-website = Website
award-entry-count = { $count ->
    [one] { $count } published entry
   *[other] { $count } published entries
}
award-edition-count = { $count ->
    [one] { $count } edition
   *[other] { $count } editions
}
award-no-editions = No edition has been announced yet.

edition-title = { $award } { $year }
edition-ordinal = Edition { $ordinal }
edition-timeline = The cycle
edition-timezone = Times are shown in { $zone }.
edition-no-dates = The dates of this cycle are not on record.
edition-themes = Themes
edition-criteria = Criteria
criterion-weight = weight { $weight }
criterion-scale = scale { $min }–{ $max }
edition-settings = Result sizes
edition-sizes = Long list of { $long }, shortlist of { $short }, up to { $winners ->
    [one] { $winners } winner
   *[other] { $winners } winners
}.
edition-committees = Technical Committee of { $tc } experts; Jury of { $jury } members.
edition-reported = Published figures: { $entries } valid entries from { $cities } cities in { $countries } countries.
edition-results = Results
edition-no-results = No results have been published for this edition yet.
edition-notes = Notes on the record
results-winners = Winners
results-medals = Medals of Honour
results-shortlist = Shortlist
results-long-list = Long list (deserving initiatives)
results-public-vote = Public vote
results-special-mention = Special mentions
results-other-honours = Other public honours
results-votes = { $votes } votes
edition-entries-link = All { $count } published entries of this edition

milestone-launch = Launch and call for entries
milestone-registration_deadline = Registration deadline
milestone-early_bird_deadline = Early-bird deadline
milestone-final_deadline = Final deadline
milestone-committee_meeting = Technical Committee meeting
milestone-shortlist_release = Shortlist announced
milestone-public_vote = Public vote
milestone-presentations = Presentations by shortlisted cities
milestone-jury_meeting = Jury meeting
milestone-ceremony = Award ceremony

status-withdrawn = Withdrawn
status-submitted = Submitted
status-valid = Valid entry
status-deserving = Long list
status-shortlisted = Shortlisted
status-medal_of_honour = Medal of Honour
status-winner = Winner

honour-public_vote = Public-vote winner
honour-special_mention = Special mention
honour-media_attention = Media attention
honour-public_recommendation = Public recommendation

level-municipal = City
level-district = District
level-metropolitan = Metropolitan government
level-regional = Regional government
level-association = Association of municipalities

section-summary = Summary
section-situation_before = The situation before
section-objectives = Objectives and strategy
section-process = Process
section-results = Results
section-sustainability = Sustainability
section-lessons = Lessons learned
section-transferability = Transferability

initiative-untitled = Title not published
initiative-untitled-note = The title of this entry was not made public; it is not invented here.
initiative-governments = Governments
initiative-lead = lead
initiative-partners = Partners
initiative-key-dates = Key dates
initiative-period = Period
initiative-ongoing = since { $start }, ongoing
initiative-sdgs = Sustainable Development Goals
initiative-themes = Themes
initiative-awards = In the awards
initiative-contact = Contact person
initiative-source = Source
initiative-language-note = Shown in { $shown }; the original language is { $original }.
initiative-no-text = No write-up of this initiative is on record yet.
initiative-in-edition = { $award } { $year }
initiative-facts = About this initiative
initiative-editions-count = Entered in { $editions } editions.
initiative-edition-library = All entries of this edition
initiative-related = Related initiatives
initiative-related-how = Found by the likeness of their texts.
initiative-related-none = No related initiative was found.
compare-add = Add to comparison
compare-in = In the comparison ({ $count } chosen)
compare-title = Compare initiatives
compare-intro = Side by side, section by section. Texts are shown in your language where the initiative has one.
compare-empty = Nothing to compare yet. In the library or on a case page, choose “Add to comparison” for up to three initiatives.
compare-caption = The chosen initiatives, one per column, section by section
compare-remove = Remove from the comparison
compare-none = not given
compare-back = Back to the library
compare-too-many = { $count } initiatives were chosen; at most { $max } can be compared side by side. Remove one.
compare-initiative = Initiative { $id }
compare-unknown = No published initiative has the number { $id }.
compare-unknown-title = Some of the chosen initiatives cannot be compared.
compare-bad-id = “{ $id }” is not an initiative number.
city-search = Search this city’s initiatives
city-in-library = See them in the library
library-download = Open data: the whole published library as
library-api = the API

sdg-1 = No poverty
sdg-2 = Zero hunger
sdg-3 = Good health and well-being
sdg-4 = Quality education
sdg-5 = Gender equality
sdg-6 = Clean water and sanitation
sdg-7 = Affordable and clean energy
sdg-8 = Decent work and economic growth
sdg-9 = Industry, innovation and infrastructure
sdg-10 = Reduced inequalities
sdg-11 = Sustainable cities and communities
sdg-12 = Responsible consumption and production
sdg-13 = Climate action
sdg-14 = Life below water
sdg-15 = Life on land
sdg-16 = Peace, justice and strong institutions
sdg-17 = Partnerships for the goals

city-country = Country
city-population = Population
city-level = Level of government
city-coordinates = Coordinates
city-initiatives = Initiatives
city-no-initiatives = No initiative from this government is in the library yet.
city-networks = Networks
city-no-networks = No network membership on record.
city-links = Partner cities
city-no-links = No formal city links on record.
link-sister = Sister city
link-friendly = Friendly cooperation
link-since = since { $year }
cities-title = Cities
cities-intro = Governments with initiatives in the library, most active first.

library-title = Library
library-intro = Every published entry, newest first.
library-count = { $total ->
    [one] { $total } entry
   *[other] { $total } entries
}
library-empty = Nothing here yet.
library-sort = Sort
sort-newest = Newest first
sort-oldest = Oldest first
pagination = Pages
pagination-previous = Previous
pagination-next = Next
pagination-page = Page { $page } of { $pages }

error-not-found-title = Page not found
error-not-found = There is no { $what } with this address. It may have been moved or never existed.
error-bad-request-title = This request could not be understood
error-internal-title = Something went wrong on our side
error-internal = The error has been logged. Please try again in a moment.
error-unavailable-title = Kapok is busy
error-unavailable = Too many requests at once. Please try again in a few seconds.
error-back-home = Back to the home page
what-page = page
what-award = award
what-edition = edition
what-initiative = initiative
what-city = city

apply = Apply
api-not-found = No { $what } has the id { $id }.
api-bad-cursor = The cursor is not valid: use the `next` value of an earlier answer.
api-bad-query = The query is not valid: { $details }
edition-sizes-short = Shortlist of { $short }, up to { $winners ->
    [one] { $winners } winner
   *[other] { $winners } winners
}.
search-label = Search the library
search-button = Search
search-too-long = The search is longer than { $max } characters.
search-not-ready = The search index is being built. Please try again in a moment.
library-results-for = Results for “{ $query }”
nav-account-menu = Account
nav-sign-in = Sign in
nav-sign-out = Sign out
login-title = Sign in
login-intro = For applicants, experts, jury members and the Secretariat. The library needs no account.
login-email = E-mail
login-password = Password
login-submit = Sign in
login-failed = The e-mail or the password is not right.
account-title = Your account
account-email = E-mail
account-roles = Roles
account-no-roles = No role yet.
role-applicant = Applicant (city or regional government)
role-secretariat = Secretariat
role-technical_committee = Technical Committee expert
role-jury = Jury member
role-commission_member = Consultation commission member
error-forbidden-title = This action was refused
error-form-expired = The form has expired or did not come from this site. Please reload the page and try again.
error-too-large = The request is too large.
login-locked = Too many failed attempts. Signing in is paused for { $minutes } minutes; you can reset your password meanwhile.
login-unverified = Please confirm your e-mail address first, with the link we sent you.
form-has-errors = Please correct the following:
register-title = Create an account
register-intro = For officials of city and regional governments who want to apply. We will send a link to confirm your e-mail address.
register-name = Your name
register-password-again = Password again
register-password-hint = At least { $min } characters.
register-submit = Create the account
register-have-account = Already have an account?
register-name-invalid = Please give your name (at most { $max } characters).
register-email-invalid = This is not a valid e-mail address.
register-check-mail-title = Check your e-mail
register-check-mail = We sent a message to { $email }. Follow its link to confirm your address; it works for 24 hours.
register-check-mail-later = No message after a few minutes? Look in the spam folder, or ask for a new link when you sign in.
password-too-short = The password needs at least { $min } characters.
password-too-long = The password can have at most { $max } characters.
password-same-as-email = The password must not be your e-mail address.
password-mismatch = The two passwords are not the same.
verify-done-title = Address confirmed
verify-done = Your e-mail address is confirmed. You can now sign in.
verify-invalid = This link is not valid any more: it was used already or it expired. Ask for a new one below.
resend-title = Confirm your address
resend-submit = Send a new confirmation link
resend-sent = If this address has an account still waiting for confirmation, a new link is on its way.
forgot-title = Forgot your password?
forgot-intro = Give your e-mail address: we will send a link to choose a new password. It works for one hour.
forgot-submit = Send the link
forgot-sent = If this address has an account, a link to choose a new password is on its way. It works for one hour.
reset-title = Choose a new password
reset-new-password = New password
reset-submit = Save the new password
reset-done-title = Password changed
reset-done = Your new password is saved, and every earlier session is signed out. You can now sign in.
reset-invalid-title = This link does not work
reset-invalid = The link was used already or it expired. Ask for a new one.
outbox-title = Outbox
outbox-intro = Every e-mail Kapok sends, newest first. Mail waits here until the mail server takes it.
outbox-count = { $total } messages
outbox-sent = sent { $time }
outbox-pending = waiting to be sent
outbox-retrying = not sent yet ({ $attempts } attempts: { $error })
error-too-many-title = Too many attempts
error-too-many = Please wait about { $minutes } minutes before trying again.
mail-footer = Kapok, on behalf of the award's Secretariat. You receive this because of an action on your account.
mail-verify-subject = Confirm your e-mail address
mail-verify-body = Hello { $name },

    Please confirm your e-mail address by opening this link (it works for 24 hours):

    { $link }

    If you did not create an account, you can ignore this message.
mail-taken-subject = Someone tried to register with your address
mail-taken-body = Hello { $name },

    Someone tried to create an account with this e-mail address, which has an account already. If it was you and you forgot your password, choose a new one here:

    { $link }

    Otherwise you can ignore this message.
mail-reset-subject = Choose a new password
mail-reset-body = Hello { $name },

    To choose a new password, open this link (it works for one hour):

    { $link }

    If you did not ask for it, you can ignore this message; your password stays as it is.

answer-yes = Yes
answer-no = No
error-role-only = This page is for accounts with the role: { $role }.
what-application = application
claim-pending = Waiting for the Secretariat
claim-approved = Approved
claim-rejected = Not approved
claim-country-invalid = Please give the country as its two-letter code (for example CO or FR).
claim-missing = Choose a government from the list, or give the name and country of one to add.
gov-title = Your governments
gov-intro = Applications are made on behalf of a city or regional government. Claim the ones you represent; the Secretariat checks each claim before an application can be submitted for it.
gov-none = You have not claimed a government yet.
gov-government = Government
gov-status = Status
gov-claim-title = Claim a government
gov-search = Name of the city or region
gov-no-results = No government of that name is in the gazetteer. You can ask for it to be added below.
gov-claim = I represent this government
gov-missing-title = Not in the list?
gov-missing-intro = Give its name and country; the Secretariat adds it and checks your claim.
gov-missing-name = Name of the government
gov-missing-country = Country (two-letter code)
gov-missing-submit = Ask to add it
claims-title = Claims on governments
claims-intro = Applicants who say they represent a government. Check each one before their applications can be submitted.
claims-none = No claim is waiting.
claims-note = Note to the applicant (optional)
claims-approve = Approve
claims-reject = Do not approve
apps-title = Your applications
apps-no-government = Before you can submit, the Secretariat must approve the government you represent.
apps-none = You have no application yet.
apps-edition = Edition
apps-open = Open calls for entries
apps-none-open = No call for entries is open at the moment.
apps-start = Start an application
app-status-draft = Draft
app-status-submitted = Submitted
app-status-withdrawn = Withdrawn
app-untitled = Untitled application
app-closes = The call closes on { $date }.
app-closed = The call for entries closed on { $date }.
app-withdrawn = This application was withdrawn.
app-not-editable = This application cannot be changed any more.
app-steps = Steps of the application
app-step-basic = Basic information
app-step-texts = The initiative
app-step-details = Themes and details
app-step-eligibility = Eligibility
app-step-review = Check
app-conflicts = Some fields were changed elsewhere (another tab or device) since you opened this page. Your text is in the fields; the saved text is shown below each. Save again to keep yours.
app-conflict-keep = Save the form again to keep your text, or copy what you need from the saved text.
app-complete = Everything required is filled in.
app-problems = Before the application can be submitted, please fix:
app-save = Save
app-save-continue = Save and continue
app-too-long = At most { $max } characters.
app-words = { $words } words
app-words-of = { $words } / { $budget } words
app-year-hint = A year, such as 2021.
app-governments-hint = The governments that apply together; the first is the lead.
app-no-options = None approved yet.
app-partners-hint = One partner a line.
app-key-dates-hint = One date a line: the date, then what happened (2021-03 Pilot in two districts).
field-title = Title
field-original-language = Original language of the initiative
field-governments = Applying governments
field-level = Level of government
field-started = Started in
field-ended = Ended in (empty if ongoing)
field-contact-name = Contact person
field-contact-role = Their role
field-contact-email = Their e-mail
field-contact-consent = The contact person agrees to be shown in the public library.
field-themes = Themes
field-sdgs = Sustainable Development Goals
field-partners = Partners
field-key-dates = Key dates
field-budget = Budget and funding
field-eligibility-notes = Notes on eligibility (optional)
slot-en = in English
slot-orig = in the original language
problem-missing = required
problem-english = an English version is required
problem-over-budget = { $words } words, { $budget } at most
problem-narrative-over-budget = the sections together have { $words } words, { $budget } at most
problem-unanswered = please answer
problem-years = a year between 1900 and 2100, not before the start
problem-theme = choose at least one theme
autosave-saving = Saving…
autosave-saved = All changes saved.
autosave-offline = Not saved yet: the connection failed. Your text is kept in this browser and will be sent again.
autosave-signed-out = Your session has ended. Your text is kept in this browser: sign in again and come back to this page.
autosave-conflict = This field was changed elsewhere (another tab or device). The saved text is:
autosave-keep-mine = Keep my text
autosave-use-saved = Use the saved text
autosave-restored = Text typed earlier in this browser that had not reached the server was restored and is being saved.
review-autosave-conflict = This review was saved elsewhere (another tab or device) after this page was opened.
autosave-words = words
problem-key-date = line { $line } does not start with a date such as 2021-03
problem-government = choose governments the Secretariat has approved for you
app-local-time = your time:
app-feedback = Feedback from the Secretariat
app-confirm-submit = I confirm that this application is complete and true, and that I may submit it on behalf of the governments named.
app-submit = Submit the application
app-submit-again = Submit this new version
app-versions = Submitted versions
app-version = Version { $number }, submitted { $date }
app-digest = Digest
app-withdraw = Withdraw the application
app-confirm-withdraw = I want to withdraw this application. Its submitted versions stay on record; it cannot be submitted again.
app-confirm-needed = Please tick the box to confirm.
app-not-complete = The application is not complete yet: see the list of what to fix.
app-government-not-approved = Choose only governments the Secretariat has approved for you.
app-submitted-notice = Version { $number } is submitted. A receipt is on its way by e-mail. You can still change the application and submit again until the call closes.
mail-receipt-subject = Your application is received
mail-receipt-body = Hello { $name },

    We received your application "{ $title }" for { $edition } on { $when }.

    Its digest is { $digest }. The digest identifies exactly this version: if you submit again, the new version gets a new digest.

    Words in English, by section:
    { $sections }

    You can see every submitted version here:

    { $link }
desk-title = Applications
desk-none = No application has been started yet.
desk-counts = { $submitted } submitted, { $drafts ->
    [one] { $drafts } draft
   *[other] { $drafts } drafts
} in progress
desk-entries = No application; { $entries ->
    [one] { $entries } entry
   *[other] { $entries } entries
}
desk-csv = Download as CSV
desk-last = Last submitted
desk-drafts = Drafts
desk-drafts-intro = Applications not submitted yet. Their content stays private to the applicant; you can extend their deadline.
desk-draft-private = Draft (its content is private to the applicant)
desk-extended-until = This application may be submitted until { $date }.
desk-feedback-label = Feedback for the applicant
desk-feedback-send = Send the feedback
desk-feedback-rule = Feedback is for applications first submitted before the early-bird deadline ({ $date }).
desk-feedback-none = This edition has no early-bird deadline.
desk-feedback-not-early = Only applications first submitted before the early-bird deadline get feedback.
desk-extension = Deadline extension
desk-extension-until = New deadline for this application ({ $zone })
desk-extension-reason = Reason (kept in the log)
desk-extension-grant = Grant the extension
desk-extension-invalid = Give a future date and time, and a reason.
desk-log = Log
event-submitted = submitted
event-withdrawn = withdrawn
event-extended = deadline extended
event-feedback = feedback sent
mail-feedback-subject = Feedback on your application
mail-feedback-body = Hello { $name },

    The Secretariat has written feedback on your application. You can read it, change the application and submit it again until the call closes:

    { $link }

app-step-attachments = Attachments
what-attachment = attachment
size-mb = { $size } MB
size-kb = { $size } KB
event-attached = attachment added
event-detached = attachment removed
attach-intro = PDF documents and images (PNG, JPEG, GIF, WebP), and links to videos. Attachments are optional.
attach-limits = Up to { $file } MB per file and { $total } MB in all.
attach-none-yet = Nothing attached yet.
attach-file = File
attach-upload = Attach the file
attach-link = Link to a video
attach-add-link = Add the link
attach-video = video link
attach-remove = Remove
attach-confirm-remove = I want to remove this attachment.
attach-listed = Attachments
attach-bad-form = The upload could not be read. Choose the file again and send it.
attach-none = Choose a file to attach.
attach-empty = The file is empty.
attach-type = Only PDF documents and PNG, JPEG, GIF or WebP images can be attached. The file's content is checked, whatever its name says.
attach-too-large = The file is larger than { $max } MB, the limit for one file.
attach-total = With this file the attachments would pass { $max } MB, the limit for one application. Remove an attachment first.
attach-bad-link = Give the full address of the video, starting with https:// (at most { $max } characters).
attach-too-many-videos = An application may list at most { $max } video links.
app-continue = Continue
error-not-utf8 = The form was sent with text that is not valid Unicode (UTF-8). Nothing was saved; send it again from the page.

## Public vote
nav-vote = Public vote
what-vote = public vote
what-vote-result = certified result
vote-list-title = Public votes
vote-list-intro = Choose the "City of Your Choice": every public vote hosted here, open ones first.
vote-list-none = No public vote has been set up yet.
vote-title = City of Your Choice
vote-window = Voting
vote-phase-not-open = Not open yet
vote-phase-open = Open
vote-phase-closed = Closed
vote-shape-exactly = { $n ->
    [one] Choose one candidate
   *[other] Choose exactly { $n } candidates
}
vote-shape-up-to = Choose up to { $n } candidates
vote-frequency-once = once during the vote.
vote-frequency-daily = once a day.
vote-frequency-per-day = up to { $n } times a day.
vote-rules-link = Rules and what is checked
vote-check-link = Check that your ballot was counted
vote-results-link = Results
vote-candidates = Candidates
vote-no-candidates = There are no candidates yet.
vote-verify-title = Verify to vote
vote-verify-intro-email = We send a six-digit code to your e-mail address. Your address is used only to keep the vote fair and is never published.
vote-verify-intro-phone = We send a six-digit code to your phone by text message. Your number is used only to keep the vote fair and is never published.
vote-identity-label-email = E-mail address
vote-identity-label-phone = Mobile phone number (with + and country code)
vote-send-code = Send me a code
vote-code-title = Enter your code
vote-code-sent-email = We sent a code to { $identity }. It is valid for 15 minutes.
vote-code-sent-phone = We sent a code by text message to { $identity }. It is valid for 15 minutes.
vote-code-label = Six-digit code
vote-verify = Verify
vote-code-subject = Your voting code
vote-code-text = Your code for { $vote }: { $code }. It is valid for 15 minutes. If you did not ask for it, ignore this message.
vote-code-wrong = This code is not right. { $left ->
    [0] Ask for a new code.
    [one] One more try.
   *[other] { $left } more tries.
}
vote-code-expired = There is no valid code for this address: it expired, was used, or was tried too often. Ask for a new code.
vote-identity-email = Please enter a valid e-mail address.
vote-identity-phone = Please enter a mobile number in international form, starting with + and the country code.
vote-identity-disposable = Addresses of throwaway e-mail services cannot be used to vote. Please use your usual address.
vote-not-open = Voting is not open now.
vote-ballot-title = Your ballot
vote-verified-as = Verified as { $identity }
vote-ballots-left = { $n ->
    [0] no ballot left for now
    [one] 1 ballot left for now
   *[other] { $n } ballots left for now
}
vote-cast = Cast my ballot
vote-sign-out = Stop voting on this device
vote-not-verified = Please verify your e-mail address or phone before voting.
vote-ballot-malformed = This ballot could not be read. Please choose from the list of candidates and send it again.
vote-ballot-exactly = { $n ->
    [one] Please choose one candidate.
   *[other] Please choose exactly { $n } candidates.
}
vote-ballot-too-many = Please choose at most { $n } candidates.
vote-ballot-empty = Please choose at least one candidate.
vote-limit-reached = You have used every ballot the rules allow for now.
vote-too-fast = Too many ballots from your network. Please wait a moment.
vote-busy = Many people are voting right now and your ballot was not recorded. Please send it again in a moment.
vote-receipt-title = Your ballot was counted
vote-receipt-intro = Thank you for voting in { $vote }. Your ballot is recorded. This is your receipt:
vote-receipt-keep = Keep it: with it you can check at any time that your ballot was counted. It does not reveal your choice, and nobody else can link it to you.
vote-back = Back to the vote
vote-check-title = Check your ballot
vote-check-intro = Enter the receipt you were given after voting. The answer says whether the ballot was counted, never whom it chose.
vote-receipt-label = Receipt
vote-check-button = Check
vote-check-counted = This ballot was cast on { $when } and is counted.
vote-check-invalidated = This ballot was cast on { $when } but is not counted: { $reason }
vote-check-unknown = No ballot has this receipt. Check that you typed it as shown.
vote-rules-title = Rules of the vote
vote-rules-verification-email = Each voter verifies an e-mail address with a one-time code; one address is one voter.
vote-rules-verification-phone = Each voter verifies a mobile number with a one-time code sent by text message; one number is one voter.
vote-rules-tally-visible = The running tally is public while the vote is open.
vote-rules-tally-hidden = The tally is published only after the close, once certified.
vote-rules-checked = What is checked
vote-rules-check-identity = A code is valid for 15 minutes and for five tries; a used code cannot be used again.
vote-rules-check-limits = Each voter's limit is enforced at the moment the ballot is stored, so two ballots sent at the same time can never both count beyond it.
vote-rules-check-disposable = Requests for codes are limited per address, per network and per voter; throwaway e-mail services are refused.
vote-rules-check-anomalies = The Secretariat reviews bursts of votes for one candidate, many voters from one network, and addresses that follow one pattern.
vote-rules-check-invalidation = Ballots found to break the rules can be invalidated, always with a recorded reason; the voter sees the reason when checking the receipt.
vote-rules-check-digest = After the close, the list of counted ballots (each by a fingerprint of its receipt) and its digest are published, so anyone can recount.
vote-results-title = Results of the public vote
vote-results-pending = The results will be published here once the vote has closed and the Secretariat has certified the count.
vote-results-certified = Certified on { $when }.
vote-results-counts = { $counted } ballots counted, { $invalidated } invalidated.
vote-results-running = Running tally: { $counted } ballots so far. Not final.
vote-candidate = Candidate
vote-votes = Votes
vote-chart-title = Ballots over time
vote-digest-title = Check the count yourself
vote-digest-intro = The list below has one line per counted ballot: the SHA-256 of its receipt, then its choices (entry ids). Its SHA-256 is this digest. Find your line with the SHA-256 of your receipt.
vote-digest-line = Digest { $digest }.
vote-ballots-download = Counted ballots (text)
vote-results-csv = Results (CSV)
vote-desk-title = Public vote
vote-desk-none = No vote
vote-desk-state = State
vote-desk-new = This edition has no public vote yet. Save the settings below to set one up.
vote-desk-ballots = { $n ->
    [one] 1 ballot
   *[other] { $n } ballots
}
vote-desk-public-page = Public page
vote-desk-settings = Settings
vote-desk-timezone = Times are in the edition's time zone, { $zone }.
vote-desk-opens = Opens
vote-desk-closes = Closes
vote-desk-shape = Ballot
vote-desk-shape-exactly = Choose exactly N
vote-desk-shape-up-to = Choose up to N
vote-desk-choices = N
vote-desk-frequency = How often a voter may vote
vote-desk-per-day-option = Up to N times a day
vote-desk-per-day = N a day (for "up to N times a day")
vote-desk-verification = Verification
vote-desk-verification-email = E-mail one-time code
vote-desk-verification-phone = Text-message one-time code
vote-desk-tallies-visible = Show the running tally while the vote is open
vote-desk-candidates = Candidates (none ticked: the shortlist)
vote-desk-save = Save the settings
vote-desk-log = Log
vote-desk-log-empty = Nothing has happened yet.
vote-desk-certified-locked = The result is certified: the vote can no longer be changed.
vote-settings-window = The vote must close after it opens.
vote-settings-choices = A ballot names between 1 and 50 candidates.
vote-settings-per-day = "Up to N times a day" needs N between 1 and 10,000.
vote-settings-date = Please give the dates as date and time, like 2026-11-30T09:00.
vote-settings-verification = Please choose how voters verify.
vote-settings-candidates = A chosen candidate is not an entry of this edition.
vote-certify-title = Certify the result
vote-certify-intro = After the close, certifying fixes the count of the ballots that are not invalidated, publishes it with the chart, the list of counted ballots and its digest, and sets each candidate's public votes. It cannot be undone.
vote-certify-confirm = I have reviewed the anomaly report and certify this count.
vote-certify = Certify and publish
vote-certify-not-closed = The vote can be certified only after it closes.
vote-anomalies-title = Anomaly report
vote-anomalies-none = Nothing to report.
vote-bursts-title = Bursts for one candidate
vote-bursts-rule = A minute is listed when a candidate received at least { $floor } votes in it, and at least { $factor } times its usual minute.
vote-minute = Minute
vote-usual = Usual minute
vote-subnets-title = Many voters from one network
vote-subnets-rule = Networks (/24 for IPv4, /48 for IPv6) from which at least { $floor } voters cast ballots.
vote-subnet = Network
vote-identities = Voters
vote-ballots = Ballots
vote-patterns-title = Addresses that follow one pattern
vote-patterns-rule = E-mail addresses that differ only in digits, dots or a +tag, when at least { $floor } voters share the pattern.
vote-pattern = Pattern
vote-examples = Examples
vote-identities-title = Most active voters
vote-identity = Voter
vote-periods = Periods
vote-first = First ballot
vote-last = Last ballot
vote-receipts = Receipts
vote-invalidate-title = Invalidate ballots
vote-invalidate-intro = Invalidated ballots stay stored but are not counted; the reason is logged and shown to voters who check their receipt.
vote-invalidate-by = Select ballots by
vote-invalidate-value = Network, voter, or receipts (separated by spaces or commas)
vote-invalidate-reason-label = Reason (shown to the voter)
vote-invalidate-confirm-label = I understand that these ballots will no longer be counted.
vote-invalidate-button = Invalidate
vote-invalidate-reason = Please give a reason (at most 500 characters).
vote-invalidate-confirm = Please tick the box to confirm.
vote-invalidate-what = Please say which ballots: a network, a voter, or receipts.
sms-title = Text messages
sms-intro = Messages sent through the logging provider (no SMS gateway is configured), newest first. They are kept in memory only.
sms-none = No text message has been sent.

## Screening
screening-title = Screening
screening-counts = { $pending } to screen, { $valid } valid, { $not_valid } not valid.
screening-filter = Show entries
screening-show-pending = To screen
screening-show-valid = Valid
screening-show-not-valid = Not valid
screening-show-all = All
screening-none = No entry here.
screening-select = Select
screening-pending = Not screened yet
screening-outcome-valid = Valid
screening-outcome-not_valid = Not valid
screening-decision = Decision for the entries selected
screening-reasons = Reasons (for not valid: the conditions the entries do not meet)
screening-note = Note to the applicants (optional)
screening-apply = Record the decision
screening-no-entry = Please select at least one entry.
screening-no-outcome = Please choose valid or not valid.
screening-no-reason = A not-valid decision needs at least one reason from the checklist.
screening-unknown-reason = A reason is not on this edition's checklist.
screening-note-too-long = The note is longer than 2,000 characters.
screening-not-in-edition = Entry { $id } is not an entry of this edition. Nothing was changed.
screening-already-further = Entry { $id } is already beyond screening (long list or later). Nothing was changed.

## Committees and conflicts
stage-technical_committee = Technical Committee
stage-jury = Jury
committee-title = Committees
committee-none = No member yet.
committee-member = Member
committee-stage = Committee
committee-place = Country and city
committee-affiliation = Organisation
committee-expertise = Expertise (themes and languages)
committee-invite = Invite a member
committee-name-label = Name
committee-city-label = City (optional, from the gazetteer)
committee-other-languages = Other languages (codes, separated by commas)
committee-invite-button = Invite
committee-email = Please give a valid e-mail address.
committee-name = Please give the member's name (at most 200 characters).
committee-stage-missing = Please choose a committee.
committee-city = No city of that name in that country in the gazetteer.
committee-affiliation-long = The organisation's name is longer than 300 characters.
committee-statement = Statement of expertise
committee-statement-help = Fields, past work, publications: compared with the entries’ texts when reviewers are assigned.
committee-expertise-long = The statement of expertise is longer than 5,000 characters.
committee-theme = A theme is not one of this edition's.
committee-already = This person is already on that committee.
conflict-title = Conflicts of interest
conflict-none = No conflict declared or found.
conflict-rule-same-country = Members may not review entries from their own country
conflict-declared = { $member } declared a conflict with “{ $entry }”: { $detail }
conflict-same-government = { $member }: works for the government of “{ $entry }” ({ $detail })
conflict-same-country = { $member }: same country as “{ $entry }” ({ $detail })
conflict-city-link = { $member }: their city and that of “{ $entry }” are linked ({ $detail })
conflict-partner = { $member }: their organisation is a partner of “{ $entry }” ({ $detail })
conflict-link-sister = sister cities
conflict-link-friendly = friendly cooperation
mail-invite-subject = Invitation to evaluate entries
mail-invite-body = Hello { $name },

    You are invited to the { $committee } of { $edition }. To accept, open this link and choose your password (it is valid for a week; if you already have an account, sign in):
    { $link }

    Thank you for your time.
review-title = My evaluation work
review-no-committee = You are not on a committee.
review-assigned = Entries assigned to you
review-none-assigned = None yet: the Secretariat has not deployed an assignment.
review-declare = Declare a conflict of interest
review-entry = Entry
review-conflict-reason-label = Why (seen by the Secretariat)
review-declare-button = Declare
review-no-member = You are not on that committee.
review-no-entry = That entry is not one of this edition's.
review-conflict-reason = Please say why, in at most 500 characters.
assign-title = Assignment of reviewers
assign-sizes = { $members } Technical Committee members, { $entries } valid entries.
assign-propose = Propose
assign-per-entry = Reviewers per entry (k)
assign-max-per-reviewer = Most entries per reviewer (L)
assign-propose-button = Propose the best assignment
assign-source = Affinity from
assign-source-expertise = Expertise: themes, languages and each member’s statement compared with the entries’ texts
assign-source-matrix = An imported score matrix
assign-scores = Score matrix
assign-scores-help = One line per pair: entry number, reviewer (e-mail address or member number), affinity — the layout of OpenReview’s matcher score files and of kapok assign --scores. Pairs not given have affinity 0; conflicts still apply.
assign-source-unknown = Choose where the affinities come from.
assign-matrix-empty = Paste the score matrix: it is empty.
assign-matrix-fields = Score matrix, line { $line }: expected entry,reviewer,affinity.
assign-matrix-affinity = Score matrix, line { $line }: “{ $value }” is not an affinity (a number).
assign-matrix-duplicate = Score matrix, line { $line }: this pair was already given on line { $first }.
assign-matrix-entry = Score matrix: “{ $name }” is not the number of a valid entry of this edition.
assign-matrix-reviewer = Score matrix: “{ $name }” is not a member of this Technical Committee (use their e-mail address or member number).
assign-proposal = Proposal (not yet seen by reviewers)
assign-total = Total affinity: { $total }
assign-reviewers = Reviewers (affinity)
assign-loads = Entries per reviewer
assign-adjust = Adjust by hand
assign-add = Add
assign-remove = Remove
assign-deploy = Deploy
assign-deploy-confirm = Reviewers will see exactly these assignments.
assign-deploy-button = Deploy
assign-in-force = In force
assign-in-force-line = Deployment { $id }: { $count } assignments.
assign-none-in-force = No assignment is deployed.
assign-undo-confirm = Reviewers will see the deployment before this one again (or none).
assign-undo-button = Undo this deployment
assign-last-undo = What the last undo changed
assign-diff-added = back: { $member } reviews “{ $entry }”
assign-diff-removed = gone: { $member } no longer reviews “{ $entry }”
assign-limits = Please give k between 1 and 20 and L between 1 and 10,000.
assign-infeasible = No assignment is possible: { $reason }
assign-pair-unknown = Please choose an entry and a member of this edition.
assign-conflicted = This member is in conflict with this entry: they can never be assigned to it.
assign-nothing = There is no proposal to deploy.
assign-nothing-to-undo = No deployment is in force.

## Reviews
review-form-title = Your review
review-submitted = Your review is submitted. You may still improve it and submit it again.
review-score = Score
review-comment = Comment
review-recommendation = Recommendation
review-confidence-label = Confidence (1: little, 5: expert)
review-save = Save the draft
review-submit = Submit the review
review-others = Other reviews
review-no-others = No other reviewer has submitted yet.
review-others-after = The other reviews and the discussion open once you have submitted yours.
review-discussion = Discussion
review-discussion-add = Your message to the other reviewers
review-discussion-post = Post
review-discussion-after = The discussion opens once you have submitted your review.
review-out-of-scale = Each score must be a whole number on its criterion's scale.
review-unknown-criterion = A score names a criterion this review does not have.
review-confidence = Confidence goes from 1 to 5.
review-too-long = A text is empty or longer than 5,000 characters.
review-missing-score = To submit, give every criterion a score.
review-no-recommendation = To submit, choose a recommendation.
review-no-confidence = To submit, give your confidence.
review-stale = This form is out of date. Reload the page.
review-closed = The reviews are closed: the vote on the long list has opened, on the scores as they were frozen.
review-stale-kept = Another tab or device saved this review first; it is shown below and nothing was overwritten. What you tried to save: { $yours }
recommendation-strongly_support = Strongly support
recommendation-support = Support
recommendation-neutral = Neutral
recommendation-oppose = Oppose
progress-title = Review progress
progress-assigned = Assigned
progress-drafts = Drafts
progress-submitted = Submitted
progress-remind = Remind the reviewers with reviews to submit
mail-reminder-subject = Reviews waiting for you
mail-reminder-body = Hello { $name },

    { $count } of the entries of { $edition } assigned to you still wait for your review:
    { $link }

    Thank you.
scores-title = Scores and ranking
scores-no-snapshot = No snapshot yet: freeze the submitted reviews to rank them.
scores-snapshot = Snapshot of { $when }: { $count } submitted reviews.
scores-freeze = Freeze the submitted reviews now
scores-method = Aggregation
scores-method-mean = Mean
scores-method-median = Median
scores-method-trimmed_mean = Trimmed mean (without the highest and lowest)
scores-apply = Rank again
scores-raw = Raw score (0–10)
scores-normalised = Normalised (z)
scores-reviews = Reviews
scores-flag = Flag
scores-disagreement = Reviewers disagree
scores-moved = Place with these weights
scores-weight = Each weight must be a number from 0 to 100.
scores-explained = Raw: each review's weighted score on 0–10, aggregated. Normalised: each review as a z-score against its reviewer's own reviews, aggregated, so harsh and lenient reviewers count alike; the ranking follows it. Reviewers disagree when two reviews differ by 4 points or more.

## Library search

sort-relevance = Best match first
library-refine = Refine
library-facets-pending = Filters appear once the search index is built.
library-facets-more = More
library-active-filters = Active filters
library-remove-filter = Remove this filter
library-clear = Clear the search and filters
library-empty-hint = Try fewer words or filters.
library-syntax-title = How to search
library-syntax-words = every word must appear (in any language; titles and city names forgive one typo)
library-syntax-phrase = words side by side, in this order
library-syntax-operators = either word, or without a word
library-syntax-places = in a city or a country (ISO code or name)
library-syntax-filters = by year or range of years, theme, Sustainable Development Goal
facet-award = Award
facet-edition = Edition
facet-status = Outcome
facet-continent = Continent
facet-country = Country
facet-city = City or region
facet-theme = Theme
facet-sdg = Sustainable Development Goal
facet-year = Year
facet-level = Level of government
continent-AF = Africa
continent-AS = Asia
continent-EU = Europe
continent-NA = North America
continent-OC = Oceania
continent-SA = South America
continent-AN = Antarctica
search-error-empty = The search has no words to look for.
search-error-too-many-terms = The search has more than { $max } words and filters. Use fewer.
search-error-too-deep = Parentheses are nested more than { $max } deep.
search-error-quote = A quotation mark is not closed: end the phrase with a second ".
search-error-parenthesis = The parentheses do not match: each ( needs a ).
search-error-unknown-field = Unknown field “{ $name }:”. Use city:, country:, year:, theme: or sdg:, or put the words in quotes.
search-error-missing-value = “{ $name }:” needs a word or a "phrase" right after it.
search-error-year = “{ $query }” is not a year or a range of years: write year:2021 or year:2018..2021.
search-error-sdg = “{ $query }” is not a Sustainable Development Goal: write sdg: and a number from 1 to 17.
search-error-operator = { $what } needs something to search for on each side.
search-cursor-other-search = This cursor belongs to another search: use the `next` value of an answer to the same search.
library-view = Show the results as
library-view-list = List
library-view-map = Map
library-map-title = Map of the results: one marker per city, larger where there are more entries
library-map-summary = { $cities ->
    [one] The results come from { $cities } city or region.
   *[other] The results come from { $cities } cities and regions.
}
library-map-attribution = Map data: Natural Earth, via world-atlas.
library-map-cities = The cities on the map

## Jury
jury-title = Jury vote
jury-intro = Rank the shortlisted entries: 1 for your first choice, 2 for the next, and so on. Give two entries the same number to tie them; leave a box empty to leave an entry unranked. Your ballot is secret until the vote is closed, and you may change it until then.
jury-cast = Cast my ballot
jury-voted = Your ballot is recorded. You may change it until the vote is closed.
jury-closed = The vote is closed.
jury-waiting = The Jury votes once the shortlist is confirmed.
jury-rank-invalid = Please give each ranked entry a whole number from 1 to { $count }.
jury-voters = Members who have voted
jury-honour = Result
jury-winner = Winner
jury-medal = Medal of Honour
jury-tie = The method could not order these entries; the tie was broken by the shortlist's order, and the Jury may want to settle it:
jury-method-label = Method
jury-irv = Instant-runoff
jury-close-confirm = Close the vote and open the ballots; nobody can vote after this.
jury-close = Close the vote
jury-publish-confirm = Publish: the first entries become winners, the others Medals of Honour, and the statuses are public.
jury-publish = Publish the results
jury-published = The results are published.
jury-not-closed = Close the vote first.
jury-no-ballots = There is no ballot or no shortlisted entry to count.
jury-method = Please choose a method: Schulze, Borda or instant-runoff.
scores-report = The committee report (CSV, every review behind each place)
what-snapshot = snapshot of the scores

## Long list and shortlist decisions, and the committee and jury reports
lists-title = Long list and shortlist
lists-kind-long_list = Long list
lists-kind-shortlist = Shortlist
lists-size = At most { $count } entries: each member approves up to { $count }.
lists-rule = How the list is proposed: the entries with the most approvals come first; equal approvals keep the order of the score snapshot the vote was opened on; an entry nobody approved is not proposed; an approval of an entry the member is in conflict with is not counted.
lists-no-long-list = This edition has no long list: the shortlist is chosen from the valid entries.
lists-no-snapshot = Freeze the scores first: the candidates are ordered by the latest score snapshot.
lists-candidates = { $count ->
    [one] { $count } candidate now.
   *[other] { $count } candidates now.
}
lists-open = Open the vote on this list
lists-open-now = The vote is open.
lists-voters = Members who have voted: { $count } / { $total }
lists-close-confirm = Close the vote: the approvals are counted, and no member can vote after this.
lists-close = Close the vote
lists-reopen-confirm = Reopen the vote: this proposal is dropped, members may change their approvals, and the vote is counted again when it is closed.
lists-reopen = Reopen the vote
lists-proposal-intro = The approvals propose the ticked entries. Untick an entry to take it off the list, tick one to move it on; give a reason for each entry you move.
lists-approvals = Approvals
lists-snapshot-place = Place in the scores
lists-on-list = On the list
lists-reason = Reason for the change
lists-tie = These entries had as many approvals as each other at the cut; the score snapshot's order decided:
lists-excluded = { $count ->
    [one] { $count } approval was not counted: a conflict of interest.
   *[other] { $count } approvals were not counted: a conflict of interest.
}
lists-confirm-confirm = Confirm the list: the entries' statuses change now, and the public library follows.
lists-confirm = Confirm the list
lists-confirmed = The list is confirmed.
lists-error-exists = This list has its vote already.
lists-error-shortlist-started = The vote on the shortlist has started: the long list can no longer be opened.
lists-error-long-list-first = Confirm the long list first: the shortlist is chosen from it.
lists-error-closed = The vote on this list is closed.
lists-error-still-open = Close the vote first.
lists-error-still-confirm = The vote is closed; the Secretariat has not confirmed the list yet.
lists-error-confirmed = This list is confirmed already.
lists-error-no-longer-candidate = “{ $title }” is no longer a candidate (its status is now { $status }); nothing was changed.
lists-error-not-opened = The vote on this list has not been opened.
lists-error-no-candidates = No entry can be a candidate for this list yet.
lists-error-no-long-list = This edition has no long list.
lists-error-stranger = An entry you ticked is not a candidate of this list.
lists-error-no-reason = Please give a reason for moving “{ $title }”.
lists-error-empty = The list cannot be empty.
lists-error-too-many = The list holds at most { $max } entries; { $count } are ticked.
lists-error-not-approvable = You may approve only candidates of this list, and never an entry you are in conflict with.
lists-error-too-many-approvals = You may approve at most { $max } entries; you ticked { $count }.
lists-member-title = Long list and shortlist votes
lists-member-intro = Tick the entries you approve for this list: up to { $count }. You may change your ballot until the vote is closed. Your ballot is on the record and appears in the committee's report once the list is confirmed.
lists-member-cast = Record my approvals
lists-member-voted = Your ballot is recorded ({ $count } approved). You may change it until the vote is closed.
lists-member-left-out = { $count ->
    [one] { $count } entry is left out of your ballot: you are in conflict with it.
   *[other] { $count } entries are left out of your ballot: you are in conflict with them.
}
lists-member-none = No vote on a list is open for your committee.
review-lists-link = Votes on the long list and the shortlist
what-list = list
report-title = Committee report
report-intro = Each decision of the Technical Committee with what justifies it: the votes on the long list and the shortlist with every member's ballot, and each place in the ranking with the reviews behind it.
report-decisions = Decisions on the lists
report-no-decisions = No vote on a list has been opened yet.
report-ballots = Each member's ballot
report-no-ballots = No member voted.
report-approved-none = approved none
report-not-counted = not counted: conflict of interest
report-ballots-later = Each member's ballot is shown here once the list is confirmed.
report-ranking = The ranking on the latest score snapshot, with every review
report-confidence = Confidence
report-html-link = The committee report (web page, with the decisions on the lists)
jury-report-title = Jury report
jury-report-link = The Jury's report (web page and CSV)
jury-report-csv = The Jury's report as CSV
jury-report-sealed = The ballots stay sealed until the vote is closed.
jury-report-result = Result
jury-report-decided = Decided by the { $method } method.
jury-report-tied-with = Tied with
jury-report-tie-rule = The tie rule: when the method cannot order entries, the shortlist's order decides (the lower entry number first). It is fixed in advance and leaves nothing to chance; ties are shown so that the Jury can settle them.
jury-report-tie-rule-short = broken by the shortlist's order (lower entry number first)
jury-report-cut-splits-tie = The winners' cut falls inside a tie: the tie rule decided who won.
jury-report-ballots = Each member's ranking
jury-report-unranked = unranked
jury-report-methods = The tally by each method (places; ties share a place)
jury-report-borda-points = Borda points
jury-report-pairwise = Schulze: how many members ranked the row's entry above the column's
jury-report-paths = Schulze: strength of the strongest path from the row's entry to the column's
what-jury-result = result of the Jury's vote
