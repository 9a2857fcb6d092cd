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
edition-sizes = Long list of { $long }, shortlist of { $short }, up to { $winners } winners.
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
edition-sizes-short = Shortlist of { $short }, up to { $winners } winners.
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
desk-counts = { $submitted } submitted, { $drafts } drafts in progress
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
