# Interface de Kapok : français

site-name = Kapok
site-tagline = Prix d’innovation urbaine et leur bibliothèque publique
skip-to-content = Aller au contenu
nav-home = Accueil
nav-awards = Prix
nav-library = Bibliothèque
nav-cities = Villes
nav-api = Données ouvertes (API)
nav-main = Navigation principale
lang-switch = Langue
footer-about = Kapok gère les prix d’innovation urbaine de bout en bout et conserve chaque candidature dans une bibliothèque publique.
footer-data = Données : faits du Prix de Guangzhou tirés de communiqués publics ; cas issus de la SDG Innovation Commons des Accelerator Labs du PNUD (MIT) ; lieux de GeoNames (CC BY 4.0).

home-title = Apprendre de ce que les villes ont fait
home-intro = Chaque candidature de chaque cycle, dans une seule bibliothèque : ce qu’une ville a tenté, ce qui a changé et à qui s’adresser.
home-stats = { $initiatives } initiatives de { $cities } villes dans { $countries } pays, pour { $awards } prix et { $editions } éditions.
home-awards = Prix
home-recent = Lauréats récents
home-browse = Parcourir la bibliothèque

awards-title = Prix
award-editions = Éditions
award-organisers = Organisé par { $organisers }
award-website = Site web
award-entry-count = { $count ->
    [one] { $count } candidature publiée
   *[other] { $count } candidatures publiées
}
award-edition-count = { $count ->
    [one] { $count } édition
   *[other] { $count } éditions
}
award-no-editions = Aucune édition n’a encore été annoncée.

edition-title = { $award } { $year }
edition-ordinal = { $ordinal }ᵉ édition
edition-timeline = Le cycle
edition-timezone = Les heures sont indiquées en { $zone }.
edition-no-dates = Les dates de ce cycle ne sont pas connues.
edition-themes = Thèmes
edition-criteria = Critères
criterion-weight = poids { $weight }
criterion-scale = échelle { $min }–{ $max }
edition-settings = Nombre de retenus
edition-sizes = Liste longue de { $long }, liste restreinte de { $short }, jusqu’à { $winners ->
    [one] { $winners } lauréat
   *[other] { $winners } lauréats
}.
edition-committees = Comité technique de { $tc } experts ; jury de { $jury } membres.
edition-reported = Chiffres publiés : { $entries } candidatures valides de { $cities } villes dans { $countries } pays.
edition-results = Résultats
edition-no-results = Aucun résultat n’a encore été publié pour cette édition.
edition-notes = Remarques sur les sources
results-winners = Lauréats
results-medals = Médailles d’honneur
results-shortlist = Liste restreinte
results-long-list = Liste longue (initiatives méritantes)
results-public-vote = Vote du public
results-special-mention = Mentions spéciales
results-other-honours = Autres distinctions du public
results-votes = { $votes } voix
edition-entries-link = Les { $count } candidatures publiées de cette édition

milestone-launch = Lancement et appel à candidatures
milestone-registration_deadline = Date limite d’inscription
milestone-early_bird_deadline = Date limite anticipée
milestone-final_deadline = Date limite finale
milestone-committee_meeting = Réunion du comité technique
milestone-shortlist_release = Annonce de la liste restreinte
milestone-public_vote = Vote du public
milestone-presentations = Présentations des villes retenues
milestone-jury_meeting = Réunion du jury
milestone-ceremony = Cérémonie de remise des prix

status-withdrawn = Retirée
status-submitted = Soumise
status-valid = Candidature valide
status-deserving = Liste longue
status-shortlisted = Liste restreinte
status-medal_of_honour = Médaille d’honneur
status-winner = Lauréat

honour-public_vote = Lauréat du vote du public
honour-special_mention = Mention spéciale
honour-media_attention = Attention des médias
honour-public_recommendation = Recommandation du public

level-municipal = Ville
level-district = Arrondissement
level-metropolitan = Gouvernement métropolitain
level-regional = Gouvernement régional
level-association = Association de communes

section-summary = Résumé
section-situation_before = La situation avant
section-objectives = Objectifs et stratégie
section-process = Mise en œuvre
section-results = Résultats
section-sustainability = Durabilité
section-lessons = Enseignements
section-transferability = Transférabilité

initiative-untitled = Titre non publié
initiative-untitled-note = Le titre de cette candidature n’a pas été rendu public ; il n’est pas inventé ici.
initiative-governments = Gouvernements
initiative-lead = chef de file
initiative-partners = Partenaires
initiative-key-dates = Dates clés
initiative-period = Période
initiative-ongoing = depuis { $start }, en cours
initiative-sdgs = Objectifs de développement durable
initiative-themes = Thèmes
initiative-awards = Dans les prix
initiative-contact = Personne à contacter
initiative-source = Source
initiative-language-note = Affiché en { $shown } ; la langue d’origine est { $original }.
initiative-no-text = Aucune description de cette initiative n’est encore disponible.
initiative-in-edition = { $award } { $year }
initiative-facts = À propos de cette initiative
initiative-editions-count = Présentée à { $editions } éditions.
initiative-edition-library = Toutes les candidatures de cette édition
initiative-related = Initiatives proches
initiative-related-how = Trouvées par la ressemblance de leurs textes.
initiative-related-none = Aucune initiative proche n’a été trouvée.
compare-add = Ajouter à la comparaison
compare-in = Dans la comparaison ({ $count } choisies)
compare-title = Comparer des initiatives
compare-intro = Côte à côte, section par section. Les textes sont affichés dans votre langue quand l’initiative en a un.
compare-empty = Rien à comparer pour l’instant. Dans la bibliothèque ou sur la page d’un cas, choisissez « Ajouter à la comparaison » pour trois initiatives au plus.
compare-caption = Les initiatives choisies, une par colonne, section par section
compare-remove = Retirer de la comparaison
compare-none = non renseigné
compare-back = Retour à la bibliothèque
compare-too-many = { $count } initiatives ont été choisies ; { $max } au plus peuvent être comparées côte à côte. Retirez-en une.
compare-initiative = Initiative { $id }
compare-unknown = Aucune initiative publiée ne porte le numéro { $id }.
compare-unknown-title = Certaines des initiatives choisies ne peuvent pas être comparées.
compare-bad-id = « { $id } » n’est pas un numéro d’initiative.
city-search = Chercher parmi les initiatives de cette ville
city-in-library = Les voir dans la bibliothèque
library-download = Données ouvertes : toute la bibliothèque publiée en
library-api = l’API

sdg-1 = Pas de pauvreté
sdg-2 = Faim « zéro »
sdg-3 = Bonne santé et bien-être
sdg-4 = Éducation de qualité
sdg-5 = Égalité entre les sexes
sdg-6 = Eau propre et assainissement
sdg-7 = Énergie propre et d’un coût abordable
sdg-8 = Travail décent et croissance économique
sdg-9 = Industrie, innovation et infrastructure
sdg-10 = Inégalités réduites
sdg-11 = Villes et communautés durables
sdg-12 = Consommation et production responsables
sdg-13 = Mesures relatives à la lutte contre les changements climatiques
sdg-14 = Vie aquatique
sdg-15 = Vie terrestre
sdg-16 = Paix, justice et institutions efficaces
sdg-17 = Partenariats pour la réalisation des objectifs

city-country = Pays
city-population = Population
city-level = Niveau de gouvernement
city-coordinates = Coordonnées
city-initiatives = Initiatives
city-no-initiatives = Aucune initiative de ce gouvernement n’est encore dans la bibliothèque.
city-networks = Réseaux
city-no-networks = Aucune adhésion à un réseau n’est enregistrée.
city-links = Villes partenaires
city-no-links = Aucun jumelage officiel n’est enregistré.
link-sister = Ville jumelée
link-friendly = Coopération amicale
link-since = depuis { $year }
cities-title = Villes
cities-intro = Les gouvernements ayant des initiatives dans la bibliothèque, les plus actifs d’abord.

library-title = Bibliothèque
library-intro = Toutes les candidatures publiées, les plus récentes d’abord.
library-count = { $total ->
    [one] { $total } candidature
   *[other] { $total } candidatures
}
library-empty = Rien ici pour l’instant.
library-sort = Trier
sort-newest = Plus récentes d’abord
sort-oldest = Plus anciennes d’abord
pagination = Pages
pagination-previous = Précédente
pagination-next = Suivante
pagination-page = Page { $page } sur { $pages }

error-not-found-title = Page introuvable
error-not-found = Il n’existe aucun(e) { $what } à cette adresse. Elle a peut-être été déplacée ou n’a jamais existé.
error-bad-request-title = Cette requête n’a pas pu être comprise
error-internal-title = Une erreur s’est produite de notre côté
error-internal = L’erreur a été enregistrée. Veuillez réessayer dans un instant.
error-unavailable-title = Kapok est très sollicité
error-unavailable = Trop de requêtes à la fois. Veuillez réessayer dans quelques secondes.
error-back-home = Retour à l’accueil
what-page = page
what-award = prix
what-edition = édition
what-initiative = initiative
what-city = ville

apply = Appliquer
api-not-found = Aucun(e) { $what } n’a l’identifiant { $id }.
api-bad-cursor = Le curseur n’est pas valide : utilisez la valeur `next` d’une réponse précédente.
api-bad-query = La requête n’est pas valide : { $details }
edition-sizes-short = Liste restreinte de { $short }, jusqu’à { $winners ->
    [one] { $winners } lauréat
   *[other] { $winners } lauréats
}.
search-label = Chercher dans la bibliothèque
search-button = Chercher
search-too-long = La recherche dépasse { $max } caractères.
search-not-ready = L’index de recherche est en cours de construction. Veuillez réessayer dans un instant.
library-results-for = Résultats pour « { $query } »
nav-account-menu = Compte
nav-sign-in = Se connecter
nav-sign-out = Se déconnecter
login-title = Connexion
login-intro = Pour les candidats, les experts, les membres du jury et le Secrétariat. La bibliothèque ne demande aucun compte.
login-email = Courriel
login-password = Mot de passe
login-submit = Se connecter
login-failed = Le courriel ou le mot de passe est incorrect.
account-title = Votre compte
account-email = Courriel
account-roles = Rôles
account-no-roles = Aucun rôle pour l’instant.
role-applicant = Candidat (ville ou gouvernement régional)
role-secretariat = Secrétariat
role-technical_committee = Expert du comité technique
role-jury = Membre du jury
role-commission_member = Membre d’une commission de consultation
error-forbidden-title = Cette action a été refusée
error-form-expired = Le formulaire a expiré ou ne vient pas de ce site. Veuillez recharger la page et réessayer.
error-too-large = La requête est trop volumineuse.
login-locked = Trop de tentatives échouées. La connexion est suspendue pendant { $minutes } minutes ; vous pouvez réinitialiser votre mot de passe entre-temps.
login-unverified = Veuillez d’abord confirmer votre adresse électronique avec le lien que nous vous avons envoyé.
form-has-errors = Veuillez corriger ce qui suit :
register-title = Créer un compte
register-intro = Pour les responsables de villes et de gouvernements régionaux qui souhaitent candidater. Nous enverrons un lien pour confirmer votre adresse électronique.
register-name = Votre nom
register-password-again = Mot de passe, à nouveau
register-password-hint = Au moins { $min } caractères.
register-submit = Créer le compte
register-have-account = Vous avez déjà un compte ?
register-name-invalid = Veuillez indiquer votre nom ({ $max } caractères au plus).
register-email-invalid = Cette adresse électronique n’est pas valide.
register-check-mail-title = Consultez votre messagerie
register-check-mail = Nous avons envoyé un message à { $email }. Suivez son lien pour confirmer votre adresse ; il est valable 24 heures.
register-check-mail-later = Pas de message après quelques minutes ? Regardez dans les indésirables, ou demandez un nouveau lien en vous connectant.
password-too-short = Le mot de passe doit compter au moins { $min } caractères.
password-too-long = Le mot de passe peut compter au plus { $max } caractères.
password-same-as-email = Le mot de passe ne doit pas être votre adresse électronique.
password-mismatch = Les deux mots de passe ne sont pas identiques.
verify-done-title = Adresse confirmée
verify-done = Votre adresse électronique est confirmée. Vous pouvez maintenant vous connecter.
verify-invalid = Ce lien n’est plus valable : il a déjà servi ou il a expiré. Demandez-en un nouveau ci-dessous.
resend-title = Confirmez votre adresse
resend-submit = Envoyer un nouveau lien de confirmation
resend-sent = Si cette adresse a un compte en attente de confirmation, un nouveau lien est en route.
forgot-title = Mot de passe oublié ?
forgot-intro = Indiquez votre adresse électronique : nous enverrons un lien pour choisir un nouveau mot de passe. Il est valable une heure.
forgot-submit = Envoyer le lien
forgot-sent = Si cette adresse a un compte, un lien pour choisir un nouveau mot de passe est en route. Il est valable une heure.
reset-title = Choisir un nouveau mot de passe
reset-new-password = Nouveau mot de passe
reset-submit = Enregistrer le nouveau mot de passe
reset-done-title = Mot de passe modifié
reset-done = Votre nouveau mot de passe est enregistré et toutes les sessions précédentes sont fermées. Vous pouvez maintenant vous connecter.
reset-invalid-title = Ce lien ne fonctionne pas
reset-invalid = Le lien a déjà servi ou il a expiré. Demandez-en un nouveau.
outbox-title = Boîte d’envoi
outbox-intro = Tous les courriels envoyés par Kapok, les plus récents d’abord. Le courrier attend ici que le serveur de messagerie le prenne.
outbox-count = { $total } messages
outbox-sent = envoyé le { $time }
outbox-pending = en attente d’envoi
outbox-retrying = pas encore envoyé ({ $attempts } tentatives : { $error })
error-too-many-title = Trop de tentatives
error-too-many = Veuillez patienter environ { $minutes } minutes avant de réessayer.
mail-footer = Kapok, pour le Secrétariat du prix. Vous recevez ce message à la suite d’une action sur votre compte.
mail-verify-subject = Confirmez votre adresse électronique
mail-verify-body = Bonjour { $name },

    Veuillez confirmer votre adresse électronique en ouvrant ce lien (valable 24 heures) :

    { $link }

    Si vous n’avez pas créé de compte, vous pouvez ignorer ce message.
mail-taken-subject = Quelqu’un a voulu s’inscrire avec votre adresse
mail-taken-body = Bonjour { $name },

    Quelqu’un a voulu créer un compte avec cette adresse, qui en a déjà un. Si c’était vous et que vous avez oublié votre mot de passe, choisissez-en un nouveau ici :

    { $link }

    Sinon, vous pouvez ignorer ce message.
mail-reset-subject = Choisir un nouveau mot de passe
mail-reset-body = Bonjour { $name },

    Pour choisir un nouveau mot de passe, ouvrez ce lien (valable une heure) :

    { $link }

    Si vous n’avez rien demandé, ignorez ce message ; votre mot de passe reste inchangé.

answer-yes = Oui
answer-no = Non
error-role-only = Cette page est réservée aux comptes ayant le rôle : { $role }.
what-application = candidature
claim-pending = En attente du Secrétariat
claim-approved = Approuvé
claim-rejected = Non approuvé
claim-country-invalid = Veuillez indiquer le pays par son code à deux lettres (par exemple CO ou FR).
claim-missing = Choisissez un gouvernement dans la liste, ou indiquez le nom et le pays de celui à ajouter.
gov-title = Vos gouvernements
gov-intro = Les candidatures sont déposées au nom d’une ville ou d’un gouvernement régional. Déclarez ceux que vous représentez ; le Secrétariat vérifie chaque demande avant qu’une candidature puisse être déposée en leur nom.
gov-none = Vous n’avez encore déclaré aucun gouvernement.
gov-government = Gouvernement
gov-status = Statut
gov-claim-title = Déclarer un gouvernement
gov-search = Nom de la ville ou de la région
gov-no-results = Aucun gouvernement de ce nom ne figure dans le répertoire. Vous pouvez demander son ajout ci-dessous.
gov-claim = Je représente ce gouvernement
gov-missing-title = Absent de la liste ?
gov-missing-intro = Indiquez son nom et son pays ; le Secrétariat l’ajoute et vérifie votre demande.
gov-missing-name = Nom du gouvernement
gov-missing-country = Pays (code à deux lettres)
gov-missing-submit = Demander l’ajout
claims-title = Demandes de représentation
claims-intro = Les candidats qui disent représenter un gouvernement. Vérifiez chacun avant que leurs candidatures puissent être déposées.
claims-none = Aucune demande en attente.
claims-note = Note au candidat (facultatif)
claims-approve = Approuver
claims-reject = Ne pas approuver
apps-title = Vos candidatures
apps-no-government = Avant de déposer, le Secrétariat doit approuver le gouvernement que vous représentez.
apps-none = Vous n’avez pas encore de candidature.
apps-edition = Édition
apps-open = Appels à candidatures ouverts
apps-none-open = Aucun appel à candidatures n’est ouvert pour le moment.
apps-start = Commencer une candidature
app-status-draft = Brouillon
app-status-submitted = Déposée
app-status-withdrawn = Retirée
app-untitled = Candidature sans titre
app-closes = L’appel se termine le { $date }.
app-closed = L’appel à candidatures s’est terminé le { $date }.
app-withdrawn = Cette candidature a été retirée.
app-not-editable = Cette candidature ne peut plus être modifiée.
app-steps = Étapes de la candidature
app-step-basic = Informations de base
app-step-texts = L’initiative
app-step-details = Thèmes et détails
app-step-eligibility = Éligibilité
app-step-review = Vérification
app-conflicts = Certains champs ont été modifiés ailleurs (autre onglet ou appareil) depuis l’ouverture de cette page. Votre texte est dans les champs ; le texte enregistré est affiché dessous. Enregistrez à nouveau pour garder le vôtre.
app-conflict-keep = Enregistrez à nouveau le formulaire pour garder votre texte, ou copiez ce qu’il vous faut du texte enregistré.
app-complete = Tout ce qui est requis est rempli.
app-problems = Avant de déposer la candidature, veuillez corriger :
app-save = Enregistrer
app-save-continue = Enregistrer et continuer
app-too-long = { $max } caractères au plus.
app-words = { $words } mots
app-words-of = { $words } / { $budget } mots
app-year-hint = Une année, par exemple 2021.
app-governments-hint = Les gouvernements qui candidatent ensemble ; le premier est le chef de file.
app-no-options = Aucun n’est encore approuvé.
app-partners-hint = Un partenaire par ligne.
app-key-dates-hint = Une date par ligne : la date, puis ce qui s’est passé (2021-03 Essai dans deux quartiers).
field-title = Titre
field-original-language = Langue d’origine de l’initiative
field-governments = Gouvernements candidats
field-level = Niveau de gouvernement
field-started = Début
field-ended = Fin (vide si en cours)
field-contact-name = Personne à contacter
field-contact-role = Sa fonction
field-contact-email = Son courriel
field-contact-consent = La personne à contacter accepte d’être indiquée dans la bibliothèque publique.
field-themes = Thèmes
field-sdgs = Objectifs de développement durable
field-partners = Partenaires
field-key-dates = Dates clés
field-budget = Budget et financement
field-eligibility-notes = Remarques sur l’éligibilité (facultatif)
slot-en = en anglais
slot-orig = dans la langue d’origine
problem-missing = obligatoire
problem-english = une version anglaise est requise
problem-over-budget = { $words } mots, { $budget } au plus
problem-narrative-over-budget = les sections comptent ensemble { $words } mots, { $budget } au plus
problem-unanswered = veuillez répondre
problem-years = une année entre 1900 et 2100, pas avant le début
problem-theme = choisissez au moins un thème
autosave-saving = Enregistrement…
autosave-saved = Toutes les modifications sont enregistrées.
autosave-offline = Pas encore enregistré : la connexion a échoué. Votre texte est conservé dans ce navigateur et sera renvoyé.
autosave-signed-out = Votre session a pris fin. Votre texte est conservé dans ce navigateur : reconnectez-vous et revenez sur cette page.
autosave-conflict = Ce champ a été modifié ailleurs (autre onglet ou appareil). Le texte enregistré est :
autosave-keep-mine = Garder mon texte
autosave-use-saved = Utiliser le texte enregistré
autosave-restored = Du texte saisi plus tôt dans ce navigateur et qui n’avait pas atteint le serveur a été restauré et est en cours d’enregistrement.
review-autosave-conflict = Cette évaluation a été enregistrée ailleurs (un autre onglet ou appareil) après l’ouverture de cette page.
autosave-words = mots
problem-key-date = la ligne { $line } ne commence pas par une date comme 2021-03
problem-government = choisissez des gouvernements que le Secrétariat a approuvés pour vous
app-local-time = votre heure :
app-feedback = Commentaires du Secrétariat
app-confirm-submit = Je confirme que cette candidature est complète et exacte, et que je peux la déposer au nom des gouvernements cités.
app-submit = Déposer la candidature
app-submit-again = Déposer cette nouvelle version
app-versions = Versions déposées
app-version = Version { $number }, déposée le { $date }
app-digest = Empreinte
app-withdraw = Retirer la candidature
app-confirm-withdraw = Je veux retirer cette candidature. Ses versions déposées restent archivées ; elle ne pourra plus être déposée.
app-confirm-needed = Veuillez cocher la case pour confirmer.
app-not-complete = La candidature n’est pas encore complète : voyez la liste de ce qu’il faut corriger.
app-government-not-approved = Choisissez seulement des gouvernements que le Secrétariat a approuvés pour vous.
app-submitted-notice = La version { $number } est déposée. Un accusé de réception part par courriel. Vous pouvez encore modifier la candidature et la déposer à nouveau jusqu’à la clôture.
mail-receipt-subject = Votre candidature est reçue
mail-receipt-body = Bonjour { $name },

    Nous avons reçu votre candidature « { $title } » pour { $edition } le { $when }.

    Son empreinte est { $digest }. L’empreinte identifie exactement cette version : si vous déposez à nouveau, la nouvelle version aura une nouvelle empreinte.

    Mots en anglais, par section :
    { $sections }

    Vous pouvez voir toutes les versions déposées ici :

    { $link }
desk-title = Candidatures
desk-none = Aucune candidature n’a encore été commencée.
desk-counts = { $submitted } déposées, { $drafts ->
    [one] { $drafts } brouillon
   *[other] { $drafts } brouillons
} en cours
desk-entries = Aucune candidature ; { $entries ->
    [one] { $entries } dossier
   *[other] { $entries } dossiers
}
desk-csv = Télécharger en CSV
desk-last = Dernier dépôt
desk-drafts = Brouillons
desk-drafts-intro = Candidatures pas encore déposées. Leur contenu reste privé ; vous pouvez prolonger leur délai.
desk-draft-private = Brouillon (son contenu est privé)
desk-extended-until = Cette candidature peut être déposée jusqu’au { $date }.
desk-feedback-label = Commentaires pour le candidat
desk-feedback-send = Envoyer les commentaires
desk-feedback-rule = Les commentaires sont réservés aux candidatures déposées avant la date limite anticipée ({ $date }).
desk-feedback-none = Cette édition n’a pas de date limite anticipée.
desk-feedback-not-early = Seules les candidatures déposées avant la date limite anticipée reçoivent des commentaires.
desk-extension = Prolongation du délai
desk-extension-until = Nouvelle date limite pour cette candidature ({ $zone })
desk-extension-reason = Motif (conservé dans le journal)
desk-extension-grant = Accorder la prolongation
desk-extension-invalid = Indiquez une date et une heure à venir, et un motif.
desk-log = Journal
event-submitted = déposée
event-withdrawn = retirée
event-extended = délai prolongé
event-feedback = commentaires envoyés
mail-feedback-subject = Commentaires sur votre candidature
mail-feedback-body = Bonjour { $name },

    Le Secrétariat a rédigé des commentaires sur votre candidature. Vous pouvez les lire, modifier la candidature et la déposer à nouveau jusqu’à la clôture :

    { $link }

app-step-attachments = Pièces jointes
what-attachment = pièce jointe
size-mb = { $size } Mo
size-kb = { $size } Ko
event-attached = pièce jointe ajoutée
event-detached = pièce jointe retirée
attach-intro = Documents PDF et images (PNG, JPEG, GIF, WebP), et liens vers des vidéos. Les pièces jointes sont facultatives.
attach-limits = Jusqu'à { $file } Mo par fichier et { $total } Mo en tout.
attach-none-yet = Aucune pièce jointe pour l'instant.
attach-file = Fichier
attach-upload = Joindre le fichier
attach-link = Lien vers une vidéo
attach-add-link = Ajouter le lien
attach-video = lien vidéo
attach-remove = Retirer
attach-confirm-remove = Je veux retirer cette pièce jointe.
attach-listed = Pièces jointes
attach-bad-form = L'envoi n'a pas pu être lu. Choisissez à nouveau le fichier et envoyez-le.
attach-none = Choisissez un fichier à joindre.
attach-empty = Le fichier est vide.
attach-type = Seuls les documents PDF et les images PNG, JPEG, GIF ou WebP peuvent être joints. Le contenu du fichier est vérifié, quel que soit son nom.
attach-too-large = Le fichier dépasse { $max } Mo, la limite pour un fichier.
attach-total = Avec ce fichier, les pièces jointes dépasseraient { $max } Mo, la limite pour une candidature. Retirez d'abord une pièce jointe.
attach-bad-link = Donnez l'adresse complète de la vidéo, commençant par https:// ({ $max } caractères au plus).
attach-too-many-videos = Une candidature peut compter au plus { $max } liens vidéo.
app-continue = Continuer
error-not-utf8 = Le formulaire contenait du texte qui n'est pas de l'Unicode valide (UTF-8). Rien n'a été enregistré ; renvoyez-le depuis la page.

## Vote du public
nav-vote = Vote du public
what-vote = vote du public
what-vote-result = résultat certifié
vote-list-title = Votes du public
vote-list-intro = Choisissez « La ville de votre choix » : tous les votes du public organisés ici, ceux qui sont ouverts d’abord.
vote-list-none = Aucun vote du public n’a encore été organisé.
vote-title = La ville de votre choix
vote-window = Période de vote
vote-phase-not-open = Pas encore ouvert
vote-phase-open = Ouvert
vote-phase-closed = Clos
vote-shape-exactly = { $n ->
    [one] Choisissez une candidature
   *[other] Choisissez exactement { $n } candidatures
}
vote-shape-up-to = { $n ->
    [one] Choisissez au plus une candidature
   *[other] Choisissez jusqu’à { $n } candidatures
}
vote-frequency-once = une fois pendant toute la durée du vote.
vote-frequency-daily = une fois par jour.
vote-frequency-per-day = jusqu’à { $n } fois par jour.
vote-rules-link = Règles et vérifications
vote-check-link = Vérifier que votre bulletin a été compté
vote-results-link = Résultats
vote-candidates = Candidatures
vote-no-candidates = Il n’y a pas encore de candidature.
vote-verify-title = Vérification avant le vote
vote-verify-intro-email = Nous envoyons un code à six chiffres à votre adresse électronique. Votre adresse sert uniquement à garantir l’équité du vote et n’est jamais publiée.
vote-verify-intro-phone = Nous envoyons un code à six chiffres par SMS à votre téléphone. Votre numéro sert uniquement à garantir l’équité du vote et n’est jamais publié.
vote-identity-label-email = Adresse électronique
vote-identity-label-phone = Numéro de téléphone mobile (avec + et l’indicatif du pays)
vote-send-code = M’envoyer un code
vote-code-title = Saisissez votre code
vote-code-sent-email = Nous avons envoyé un code à { $identity }. Il est valable 15 minutes.
vote-code-sent-phone = Nous avons envoyé un code par SMS au { $identity }. Il est valable 15 minutes.
vote-code-label = Code à six chiffres
vote-verify = Vérifier
vote-code-subject = Votre code de vote
vote-code-text = Votre code pour { $vote } : { $code }. Il est valable 15 minutes. Si vous ne l’avez pas demandé, ignorez ce message.
vote-code-wrong = Ce code n’est pas correct. { $left ->
    [0] Demandez un nouveau code.
    [one] Il vous reste un essai.
   *[other] Il vous reste { $left } essais.
}
vote-code-expired = Il n’y a aucun code valable pour cette adresse : il a expiré, a déjà servi ou a fait l’objet de trop de tentatives. Demandez un nouveau code.
vote-identity-email = Veuillez saisir une adresse électronique valide.
vote-identity-phone = Veuillez saisir un numéro de mobile au format international, commençant par + et l’indicatif du pays.
vote-identity-disposable = Les adresses de messageries jetables ne peuvent pas servir à voter. Veuillez utiliser votre adresse habituelle.
vote-not-open = Le vote n’est pas ouvert en ce moment.
vote-ballot-title = Votre bulletin
vote-verified-as = Identité vérifiée : { $identity }
vote-ballots-left = { $n ->
    [0] plus aucun bulletin pour le moment
    [one] 1 bulletin restant pour le moment
   *[other] { $n } bulletins restants pour le moment
}
vote-cast = Déposer mon bulletin
vote-sign-out = Arrêter de voter sur cet appareil
vote-not-verified = Veuillez vérifier votre adresse électronique ou votre téléphone avant de voter.
vote-ballot-malformed = Ce bulletin n’a pas pu être lu. Veuillez choisir dans la liste des candidatures et l’envoyer à nouveau.
vote-ballot-exactly = { $n ->
    [one] Veuillez choisir une candidature.
   *[other] Veuillez choisir exactement { $n } candidatures.
}
vote-ballot-too-many = { $n ->
    [one] Veuillez choisir une candidature au plus.
   *[other] Veuillez choisir au plus { $n } candidatures.
}
vote-ballot-empty = Veuillez choisir au moins une candidature.
vote-limit-reached = Vous avez utilisé tous les bulletins que les règles autorisent pour le moment.
vote-too-fast = Trop de bulletins proviennent de votre réseau. Veuillez patienter un instant.
vote-busy = Beaucoup de personnes votent en ce moment et votre bulletin n’a pas été enregistré. Veuillez l’envoyer à nouveau dans un instant.
vote-receipt-title = Votre bulletin a été compté
vote-receipt-intro = Merci d’avoir participé au vote « { $vote } ». Votre bulletin est enregistré. Voici votre reçu :
vote-receipt-keep = Conservez-le : il vous permet de vérifier à tout moment que votre bulletin a été compté. Il ne révèle pas votre choix, et personne d’autre ne peut le relier à vous.
vote-back = Retour au vote
vote-check-title = Vérifier votre bulletin
vote-check-intro = Saisissez le reçu obtenu après avoir voté. La réponse indique si le bulletin a été compté, jamais le choix qu’il contient.
vote-receipt-label = Reçu
vote-check-button = Vérifier
vote-check-counted = Ce bulletin a été déposé le { $when } et il est compté.
vote-check-invalidated = Ce bulletin a été déposé le { $when } mais n’est pas compté : { $reason }
vote-check-unknown = Aucun bulletin ne correspond à ce reçu. Vérifiez que vous l’avez saisi tel qu’il est affiché.
vote-rules-title = Règles du vote
vote-rules-verification-email = Chaque votant vérifie une adresse électronique au moyen d’un code à usage unique ; une adresse correspond à un votant.
vote-rules-verification-phone = Chaque votant vérifie un numéro de mobile au moyen d’un code à usage unique envoyé par SMS ; un numéro correspond à un votant.
vote-rules-tally-visible = Le décompte en cours est public tant que le vote est ouvert.
vote-rules-tally-hidden = Le décompte n’est publié qu’après la clôture, une fois certifié.
vote-rules-checked = Ce qui est vérifié
vote-rules-check-identity = Un code est valable 15 minutes et pour cinq tentatives ; un code déjà utilisé ne peut pas resservir.
vote-rules-check-limits = La limite de chaque votant est appliquée au moment où le bulletin est enregistré : deux bulletins envoyés en même temps ne peuvent donc jamais être comptés tous deux au-delà de cette limite.
vote-rules-check-disposable = Les demandes de code sont limitées par adresse, par réseau et par votant ; les messageries jetables sont refusées.
vote-rules-check-anomalies = Le Secrétariat examine les afflux de voix pour une même candidature, les nombreux votants provenant d’un même réseau et les adresses qui suivent un même modèle.
vote-rules-check-invalidation = Les bulletins jugés contraires aux règles peuvent être invalidés, toujours avec un motif enregistré ; le votant voit ce motif en vérifiant son reçu.
vote-rules-check-digest = Après la clôture, la liste des bulletins comptés (chacun désigné par une empreinte de son reçu) et son empreinte sont publiées, afin que chacun puisse recompter.
vote-results-title = Résultats du vote du public
vote-results-pending = Les résultats seront publiés ici une fois le vote clos et le décompte certifié par le Secrétariat.
vote-results-certified = Certifié le { $when }.
vote-results-counts = Bulletins comptés : { $counted } ; invalidés : { $invalidated }.
vote-results-running = Décompte en cours, bulletins reçus à ce stade : { $counted }. Résultat provisoire.
vote-candidate = Candidature
vote-votes = Voix
vote-chart-title = Bulletins au fil du temps
vote-digest-title = Vérifiez vous-même le décompte
vote-digest-intro = La liste ci-dessous compte une ligne par bulletin compté : le SHA-256 de son reçu, puis ses choix (identifiants des candidatures). Le SHA-256 de la liste est cette empreinte. Retrouvez votre ligne grâce au SHA-256 de votre reçu.
vote-digest-line = Empreinte { $digest }.
vote-ballots-download = Bulletins comptés (texte)
vote-results-csv = Résultats (CSV)
vote-desk-title = Vote du public
vote-desk-none = Aucun vote
vote-desk-state = État
vote-desk-new = Cette édition n’a pas encore de vote du public. Enregistrez les paramètres ci-dessous pour en créer un.
vote-desk-ballots = { $n ->
    [one] { $n } bulletin
   *[other] { $n } bulletins
}
vote-desk-public-page = Page publique
vote-desk-settings = Paramètres
vote-desk-timezone = Les heures sont celles du fuseau horaire de l’édition, { $zone }.
vote-desk-opens = Ouverture
vote-desk-closes = Clôture
vote-desk-shape = Bulletin
vote-desk-shape-exactly = Choisir exactement N
vote-desk-shape-up-to = Choisir jusqu’à N
vote-desk-choices = N
vote-desk-frequency = Fréquence à laquelle un votant peut voter
vote-desk-per-day-option = Jusqu’à N fois par jour
vote-desk-per-day = N par jour (pour « jusqu’à N fois par jour »)
vote-desk-verification = Vérification
vote-desk-verification-email = Code à usage unique par courriel
vote-desk-verification-phone = Code à usage unique par SMS
vote-desk-tallies-visible = Afficher le décompte en cours tant que le vote est ouvert
vote-desk-candidates = Candidatures (si aucune n’est cochée : la liste restreinte)
vote-desk-save = Enregistrer les paramètres
vote-desk-log = Journal
vote-desk-log-empty = Rien ne s’est encore passé.
vote-desk-certified-locked = Le résultat est certifié : le vote ne peut plus être modifié.
vote-settings-window = La clôture du vote doit être postérieure à son ouverture.
vote-settings-choices = Un bulletin désigne entre 1 et 50 candidatures.
vote-settings-per-day = « Jusqu’à N fois par jour » demande un N compris entre 1 et 10 000.
vote-settings-date = Veuillez indiquer les dates avec la date et l’heure, par exemple 2026-11-30T09:00.
vote-settings-verification = Veuillez choisir le mode de vérification des votants.
vote-settings-candidates = Une candidature choisie n’appartient pas à cette édition.
vote-certify-title = Certifier le résultat
vote-certify-intro = Après la clôture, la certification arrête le décompte des bulletins non invalidés, le publie avec le graphique, la liste des bulletins comptés et son empreinte, et fixe les voix du public de chaque candidature. Elle est irréversible.
vote-certify-confirm = J’ai examiné le rapport d’anomalies et je certifie ce décompte.
vote-certify = Certifier et publier
vote-certify-not-closed = Le vote ne peut être certifié qu’après sa clôture.
vote-anomalies-title = Rapport d’anomalies
vote-anomalies-none = Rien à signaler.
vote-bursts-title = Afflux de voix pour une candidature
vote-bursts-rule = Une minute figure ici lorsqu’une candidature y a reçu au moins { $floor } voix, et au moins { $factor } fois son nombre habituel par minute.
vote-minute = Minute
vote-usual = Habituel par minute
vote-subnets-title = Nombreux votants d’un même réseau
vote-subnets-rule = Réseaux (/24 en IPv4, /48 en IPv6) depuis lesquels au moins { $floor } votants ont voté.
vote-subnet = Réseau
vote-identities = Votants
vote-ballots = Bulletins
vote-patterns-title = Adresses qui suivent un même modèle
vote-patterns-rule = Adresses électroniques qui ne diffèrent que par des chiffres, des points ou un suffixe +étiquette, lorsqu’au moins { $floor } votants partagent le même modèle.
vote-pattern = Modèle
vote-examples = Exemples
vote-identities-title = Votants les plus actifs
vote-identity = Votant
vote-periods = Périodes
vote-first = Premier bulletin
vote-last = Dernier bulletin
vote-receipts = Reçus
vote-invalidate-title = Invalider des bulletins
vote-invalidate-intro = Les bulletins invalidés restent enregistrés mais ne sont pas comptés ; le motif est consigné au journal et montré aux votants qui vérifient leur reçu.
vote-invalidate-by = Sélectionner les bulletins par
vote-invalidate-value = Réseau, votant ou reçus (séparés par des espaces ou des virgules)
vote-invalidate-reason-label = Motif (montré au votant)
vote-invalidate-confirm-label = Je comprends que ces bulletins ne seront plus comptés.
vote-invalidate-button = Invalider
vote-invalidate-reason = Veuillez indiquer un motif (500 caractères au plus).
vote-invalidate-confirm = Veuillez cocher la case pour confirmer.
vote-invalidate-what = Veuillez préciser quels bulletins : un réseau, un votant ou des reçus.
sms-title = SMS
sms-intro = Messages envoyés par le fournisseur de journalisation (aucune passerelle SMS n’est configurée), les plus récents d’abord. Ils sont conservés en mémoire seulement.
sms-none = Aucun SMS n’a été envoyé.

## Screening
screening-title = Examen de recevabilité
screening-counts = { $pending } à examiner, { $valid } recevables, { $not_valid } irrecevables.
screening-filter = Afficher les candidatures
screening-show-pending = À examiner
screening-show-valid = Recevables
screening-show-not-valid = Irrecevables
screening-show-all = Toutes
screening-none = Aucune candidature ici.
screening-select = Choisir
screening-pending = Pas encore examinée
screening-outcome-valid = Recevable
screening-outcome-not_valid = Irrecevable
screening-decision = Décision pour les candidatures choisies
screening-reasons = Motifs (pour une irrecevabilité : les conditions non remplies)
screening-note = Note aux candidats (facultative)
screening-apply = Enregistrer la décision
screening-no-entry = Veuillez choisir au moins une candidature.
screening-no-outcome = Veuillez choisir recevable ou irrecevable.
screening-no-reason = Une décision d’irrecevabilité demande au moins un motif de la liste de contrôle.
screening-unknown-reason = Un motif ne figure pas sur la liste de contrôle de cette édition.
screening-note-too-long = La note dépasse 2 000 caractères.
screening-not-in-edition = La candidature { $id } n’appartient pas à cette édition. Rien n’a été modifié.
screening-already-further = La candidature { $id } a déjà passé l’examen (liste longue ou au-delà). Rien n’a été modifié.
## Committees and conflicts
stage-technical_committee = Comité technique
stage-jury = Jury
committee-title = Comités
committee-none = Aucun membre pour l’instant.
committee-member = Membre
committee-stage = Comité
committee-place = Pays et ville
committee-affiliation = Organisme
committee-expertise = Domaines d’expertise (thèmes et langues)
committee-invite = Inviter un membre
committee-name-label = Nom
committee-city-label = Ville (facultative, d’après le répertoire)
committee-other-languages = Autres langues (codes, séparés par des virgules)
committee-invite-button = Inviter
committee-email = Veuillez indiquer une adresse électronique valide.
committee-name = Veuillez indiquer le nom du membre (200 caractères au plus).
committee-city = Le répertoire ne contient aucune ville de ce nom dans ce pays.
committee-theme = Un thème ne fait pas partie de ceux de cette édition.
committee-already = Cette personne est déjà membre de ce comité.
conflict-title = Conflits d’intérêts
conflict-none = Aucun conflit déclaré ni détecté.
conflict-rule-same-country = Les membres ne peuvent pas évaluer les candidatures de leur propre pays
conflict-declared = { $member } a déclaré un conflit avec « { $entry } » : { $detail }
conflict-same-government = { $member } : travaille pour le gouvernement de « { $entry } » ({ $detail })
conflict-same-country = { $member } : même pays que « { $entry } » ({ $detail })
conflict-city-link = { $member } : sa ville et celle de « { $entry } » sont liées ({ $detail })
conflict-partner = { $member } : son organisme est partenaire de « { $entry } » ({ $detail })
conflict-link-sister = villes jumelées
conflict-link-friendly = coopération amicale
mail-invite-subject = Invitation à évaluer des candidatures
mail-invite-body = Bonjour { $name },

    Nous vous invitons à siéger au { $committee } de { $edition }. Pour accepter, ouvrez ce lien et choisissez votre mot de passe (il est valable une semaine ; si vous avez déjà un compte, connectez-vous) :
    { $link }

    Merci du temps que vous nous accordez.
review-title = Mon travail d’évaluation
review-no-committee = Vous n’êtes membre d’aucun comité.
review-assigned = Candidatures qui vous sont attribuées
review-none-assigned = Aucune pour l’instant : le Secrétariat n’a pas encore déployé de répartition.
review-declare = Déclarer un conflit d’intérêts
review-entry = Candidature
review-conflict-reason-label = Motif (visible par le Secrétariat)
review-declare-button = Déclarer
review-no-member = Vous n’êtes pas membre de ce comité.
review-no-entry = Cette candidature ne fait pas partie de cette édition.
review-conflict-reason = Veuillez indiquer le motif, en 500 caractères au plus.
assign-title = Répartition des évaluateurs
assign-sizes = { $members } membres du comité technique, { $entries } candidatures recevables.
assign-propose = Proposer
assign-per-entry = Évaluateurs par candidature (k)
assign-max-per-reviewer = Nombre maximal de candidatures par évaluateur (L)
assign-propose-button = Proposer la meilleure répartition
assign-source = Affinité d’après
assign-source-expertise = L’expertise : thèmes, langues et présentation de chaque membre comparée aux textes des dossiers
assign-source-matrix = Une matrice de scores importée
assign-scores = Matrice de scores
assign-scores-help = Une ligne par paire : numéro du dossier, évaluateur (adresse e-mail ou numéro de membre), affinité — le format des fichiers de scores du matcher d’OpenReview et de kapok assign --scores. Les paires absentes ont une affinité de 0 ; les conflits s’appliquent toujours.
assign-source-unknown = Choisissez d’où viennent les affinités.
assign-matrix-empty = Collez la matrice de scores : elle est vide.
assign-matrix-fields = Matrice de scores, ligne { $line } : attendu dossier,évaluateur,affinité.
assign-matrix-affinity = Matrice de scores, ligne { $line } : « { $value } » n’est pas une affinité (un nombre).
assign-matrix-duplicate = Matrice de scores, ligne { $line } : cette paire figure déjà à la ligne { $first }.
assign-matrix-entry = Matrice de scores : « { $name } » n’est pas le numéro d’un dossier valide de cette édition.
assign-matrix-reviewer = Matrice de scores : « { $name } » n’est pas membre de ce comité technique (utilisez son adresse e-mail ou son numéro de membre).
assign-proposal = Proposition (pas encore visible par les évaluateurs)
assign-total = Affinité totale : { $total }
assign-reviewers = Évaluateurs (affinité)
assign-loads = Candidatures par évaluateur
assign-adjust = Ajuster manuellement
assign-add = Ajouter
assign-remove = Retirer
assign-deploy = Déployer
assign-deploy-confirm = Les évaluateurs verront exactement ces attributions.
assign-deploy-button = Déployer
assign-in-force = En vigueur
assign-in-force-line = Déploiement { $id } : { $count ->
    [one] { $count } attribution
   *[other] { $count } attributions
}.
assign-none-in-force = Aucune répartition n’est déployée.
assign-undo-confirm = Les évaluateurs verront de nouveau le déploiement précédent (ou aucun).
assign-undo-button = Annuler ce déploiement
assign-last-undo = Ce qu’a changé la dernière annulation
assign-diff-added = rétabli : { $member } évalue « { $entry } »
assign-diff-removed = retiré : { $member } n’évalue plus « { $entry } »
assign-limits = Veuillez indiquer k entre 1 et 20 et L entre 1 et 10 000.
assign-infeasible = Aucune répartition n’est possible : { $reason }
assign-pair-unknown = Veuillez choisir une candidature et un membre de cette édition.
assign-conflicted = Ce membre est en conflit d’intérêts avec cette candidature : elle ne peut jamais lui être attribuée.
assign-nothing = Il n’y a aucune proposition à déployer.
assign-nothing-to-undo = Aucun déploiement n’est en vigueur.
committee-stage-missing = Veuillez choisir un comité.
committee-affiliation-long = Le nom de l’organisme dépasse 300 caractères.
committee-statement = Présentation de l’expertise
committee-statement-help = Domaines, travaux, publications : comparés aux textes des dossiers lors de l’attribution des évaluateurs.
committee-expertise-long = La présentation de l’expertise dépasse 5 000 caractères.

## Reviews
review-form-title = Votre évaluation
review-submitted = Votre évaluation est soumise. Vous pouvez encore l’améliorer et la soumettre à nouveau.
review-score = Note
review-comment = Commentaire
review-recommendation = Recommandation
review-confidence-label = Degré de certitude (1 : faible, 5 : expert)
review-save = Enregistrer le brouillon
review-submit = Soumettre l’évaluation
review-others = Autres évaluations
review-no-others = Aucun autre évaluateur n’a encore soumis.
review-others-after = Les autres évaluations et la discussion s’ouvrent une fois la vôtre soumise.
review-discussion = Discussion
review-discussion-add = Votre message aux autres évaluateurs
review-discussion-post = Publier
review-discussion-after = La discussion s’ouvre une fois votre évaluation soumise.
review-out-of-scale = Chaque note doit être un nombre entier sur l’échelle de son critère.
review-unknown-criterion = Une note porte sur un critère que cette évaluation n’a pas.
review-confidence = Le degré de certitude va de 1 à 5.
review-too-long = Un texte est vide ou dépasse 5 000 caractères.
review-missing-score = Pour soumettre, notez chaque critère.
review-no-recommendation = Pour soumettre, choisissez une recommandation.
review-no-confidence = Pour soumettre, indiquez votre degré de certitude.
review-stale = Ce formulaire n’est plus à jour. Rechargez la page.
review-closed = Les évaluations sont closes : le vote sur la liste longue est ouvert, sur les notes telles qu’elles ont été figées.
review-stale-kept = Un autre onglet ou appareil a enregistré cette évaluation avant vous ; elle est affichée ci-dessous et rien n’a été écrasé. Ce que vous avez tenté d’enregistrer : { $yours }
recommendation-strongly_support = Soutien fort
recommendation-support = Soutien
recommendation-neutral = Neutre
recommendation-oppose = Opposition
progress-title = Avancement des évaluations
progress-assigned = Attribuées
progress-drafts = Brouillons
progress-submitted = Soumises
progress-remind = Relancer les évaluateurs qui ont des évaluations à soumettre
mail-reminder-subject = Des évaluations vous attendent
mail-reminder-body = Bonjour { $name },

    { $count } des candidatures de { $edition } qui vous sont attribuées attendent encore votre évaluation :
    { $link }

    Merci.
scores-title = Notes et classement
scores-no-snapshot = Pas encore d’instantané : figez les évaluations soumises pour les classer.
scores-snapshot = Instantané du { $when } : { $count } évaluations soumises.
scores-freeze = Figer maintenant les évaluations soumises
scores-method = Agrégation
scores-method-mean = Moyenne
scores-method-median = Médiane
scores-method-trimmed_mean = Moyenne tronquée (sans la plus haute ni la plus basse)
scores-apply = Classer à nouveau
scores-raw = Note brute (0–10)
scores-normalised = Normalisée (z)
scores-reviews = Évaluations
scores-flag = Signal
scores-disagreement = Les évaluateurs divergent
scores-moved = Rang avec ces pondérations
scores-weight = Chaque pondération doit être un nombre de 0 à 100.
scores-explained = Brute : la note pondérée de chaque évaluation sur 0–10, agrégée. Normalisée : chaque évaluation en score z par rapport aux autres évaluations du même évaluateur, agrégée, pour que les évaluateurs sévères et indulgents comptent autant ; le classement la suit. Les évaluateurs divergent quand deux évaluations diffèrent de 4 points ou plus.

## Library search

sort-relevance = Les plus pertinents d’abord
library-refine = Affiner
library-facets-pending = Les filtres apparaîtront une fois l’index de recherche construit.
library-facets-more = Plus
library-active-filters = Filtres actifs
library-remove-filter = Retirer ce filtre
library-clear = Effacer la recherche et les filtres
library-empty-hint = Essayez avec moins de mots ou de filtres.
library-syntax-title = Comment chercher
library-syntax-words = chaque mot doit figurer (dans n’importe quelle langue ; une faute de frappe est tolérée dans les titres et les noms de ville)
library-syntax-phrase = des mots côte à côte, dans cet ordre
library-syntax-operators = l’un ou l’autre mot, ou sans un mot
library-syntax-places = dans une ville ou un pays (code ISO ou nom)
library-syntax-filters = par année ou période, thème, objectif de développement durable
facet-award = Prix
facet-edition = Édition
facet-status = Résultat
facet-continent = Continent
facet-country = Pays
facet-city = Ville ou région
facet-theme = Thème
facet-sdg = Objectif de développement durable
facet-year = Année
facet-level = Échelon de gouvernement
continent-AF = Afrique
continent-AS = Asie
continent-EU = Europe
continent-NA = Amérique du Nord
continent-OC = Océanie
continent-SA = Amérique du Sud
continent-AN = Antarctique
search-error-empty = La recherche ne contient aucun mot à chercher.
search-error-too-many-terms = La recherche contient plus de { $max } mots et filtres. Utilisez-en moins.
search-error-too-deep = Les parenthèses sont imbriquées sur plus de { $max } niveaux.
search-error-quote = Un guillemet n’est pas fermé : terminez l’expression par un second ".
search-error-parenthesis = Les parenthèses ne correspondent pas : chaque ( demande une ).
search-error-unknown-field = Champ inconnu « { $name }: ». Utilisez city:, country:, year:, theme: ou sdg: (ou ville:, pays:, annee:, theme:), ou mettez les mots entre guillemets.
search-error-missing-value = « { $name }: » doit être suivi directement d’un mot ou d’une "expression".
search-error-year = « { $query } » n’est ni une année ni une période : écrivez year:2021 ou year:2018..2021.
search-error-sdg = « { $query } » n’est pas un objectif de développement durable : écrivez sdg: suivi d’un nombre de 1 à 17.
search-error-operator = { $what } doit avoir quelque chose à chercher de chaque côté.
search-cursor-other-search = Ce curseur (cursor) appartient à une autre recherche : utilisez la valeur `next` d’une réponse à la même recherche.
library-view = Afficher les résultats en
library-view-list = Liste
library-view-map = Carte
library-map-title = Carte des résultats : un repère par ville, plus grand là où il y a plus de candidatures
library-map-summary = { $cities ->
    [one] Les résultats viennent de { $cities } ville ou région.
   *[other] Les résultats viennent de { $cities } villes et régions.
}
library-map-attribution = Données cartographiques : Natural Earth, via world-atlas.
library-map-cities = Les villes de la carte

## Jury
jury-title = Vote du jury
jury-intro = Classez les candidatures de la liste restreinte : 1 pour votre premier choix, 2 pour le suivant, etc. Donnez le même nombre à deux candidatures pour les mettre à égalité ; laissez une case vide pour ne pas classer une candidature. Votre bulletin reste secret jusqu’à la clôture, et vous pouvez le modifier jusque-là.
jury-cast = Voter
jury-voted = Votre bulletin est enregistré. Vous pouvez le modifier jusqu’à la clôture du vote.
jury-closed = Le vote est clos.
jury-waiting = Le jury vote une fois la liste restreinte confirmée.
jury-rank-invalid = Donnez à chaque candidature classée un nombre entier de 1 à { $count }.
jury-voters = Membres ayant voté
jury-honour = Résultat
jury-winner = Lauréate
jury-medal = Médaille d’honneur
jury-tie = La méthode n’a pas pu départager ces candidatures ; l’égalité a été tranchée selon l’ordre de la liste restreinte, et le jury peut souhaiter la trancher lui-même :
jury-method-label = Méthode
jury-irv = Vote alternatif (second tour instantané)
jury-close-confirm = Clore le vote et ouvrir les bulletins ; plus personne ne pourra voter.
jury-close = Clore le vote
jury-publish-confirm = Publier : les premières candidatures deviennent lauréates, les autres reçoivent une médaille d’honneur, et les statuts sont publics.
jury-publish = Publier les résultats
jury-published = Les résultats sont publiés.
jury-not-closed = Clôturez d’abord le vote.
jury-no-ballots = Il n’y a aucun bulletin ou aucune candidature retenue à compter.
jury-method = Choisissez une méthode : Schulze, Borda ou vote alternatif.
scores-report = Le rapport du comité (CSV, toutes les évaluations derrière chaque rang)
what-snapshot = instantané des notes

## Liste longue et liste restreinte, rapports du comité et du jury
lists-title = Liste longue et liste restreinte
lists-kind-long_list = Liste longue
lists-kind-shortlist = Liste restreinte
lists-size = { $count } dossiers au plus : chaque membre en approuve jusqu’à { $count }.
lists-rule = Comment la liste est proposée : les dossiers qui ont le plus d’approbations viennent d’abord ; à égalité, l’ordre de l’instantané des notes sur lequel le vote a été ouvert décide ; un dossier que personne n’a approuvé n’est pas proposé ; l’approbation d’un dossier avec lequel le membre est en conflit d’intérêts n’est pas comptée.
lists-no-long-list = Cette édition n’a pas de liste longue : la liste restreinte est choisie parmi les dossiers recevables.
lists-no-snapshot = Figez d’abord les notes : les candidats sont classés selon le dernier instantané des notes.
lists-candidates = { $count ->
    [one] { $count } candidat à ce jour.
   *[other] { $count } candidats à ce jour.
}
lists-open = Ouvrir le vote sur cette liste
lists-open-now = Le vote est ouvert.
lists-voters = Membres ayant voté : { $count } / { $total }
lists-close-confirm = Clore le vote : les approbations sont comptées et plus aucun membre ne peut voter.
lists-close = Clore le vote
lists-reopen-confirm = Rouvrir le vote : cette proposition est abandonnée, les membres peuvent modifier leurs approbations, et le vote est recompté à sa clôture.
lists-reopen = Rouvrir le vote
lists-proposal-intro = Les approbations proposent les dossiers cochés. Décochez un dossier pour le retirer de la liste, cochez-en un pour l’y ajouter ; donnez un motif pour chaque dossier déplacé.
lists-approvals = Approbations
lists-snapshot-place = Rang dans les notes
lists-on-list = Sur la liste
lists-reason = Motif du changement
lists-tie = Ces dossiers avaient autant d’approbations les uns que les autres à la limite ; l’ordre de l’instantané des notes a décidé :
lists-excluded = { $count ->
    [one] { $count } approbation n’a pas été comptée : conflit d’intérêts.
   *[other] { $count } approbations n’ont pas été comptées : conflit d’intérêts.
}
lists-confirm-confirm = Confirmer la liste : les statuts des dossiers changent maintenant et la bibliothèque publique suit.
lists-confirm = Confirmer la liste
lists-confirmed = La liste est confirmée.
lists-error-exists = Cette liste a déjà son vote.
lists-error-shortlist-started = Le vote sur la liste restreinte a commencé : la liste longue ne peut plus être ouverte.
lists-error-long-list-first = Confirmez d’abord la liste longue : la liste restreinte en est tirée.
lists-error-closed = Le vote sur cette liste est clos.
lists-error-still-open = Clôturez d’abord le vote.
lists-error-still-confirm = Le vote est clos ; le Secrétariat n’a pas encore confirmé la liste.
lists-error-confirmed = Cette liste est déjà confirmée.
lists-error-no-longer-candidate = « { $title } » n’est plus candidat (son statut est maintenant { $status }) ; rien n’a été modifié.
lists-error-not-opened = Le vote sur cette liste n’a pas été ouvert.
lists-error-no-candidates = Aucun dossier ne peut encore être candidat pour cette liste.
lists-error-no-long-list = Cette édition n’a pas de liste longue.
lists-error-stranger = Un dossier coché n’est pas candidat sur cette liste.
lists-error-no-reason = Veuillez donner un motif pour le déplacement de « { $title } ».
lists-error-empty = La liste ne peut pas être vide.
lists-error-too-many = La liste compte au plus { $max } dossiers ; { $count } sont cochés.
lists-error-not-approvable = Vous ne pouvez approuver que des candidats de cette liste, et jamais un dossier avec lequel vous êtes en conflit d’intérêts.
lists-error-too-many-approvals = Vous pouvez approuver au plus { $max } dossiers ; vous en avez coché { $count }.
lists-member-title = Votes sur la liste longue et la liste restreinte
lists-member-intro = Cochez les dossiers que vous approuvez pour cette liste : jusqu’à { $count }. Vous pouvez modifier votre bulletin jusqu’à la clôture du vote. Votre bulletin est consigné et figure dans le rapport du comité une fois la liste confirmée.
lists-member-cast = Enregistrer mes approbations
lists-member-voted = Votre bulletin est enregistré ({ $count } approuvés). Vous pouvez le modifier jusqu’à la clôture du vote.
lists-member-left-out = { $count ->
    [one] { $count } dossier ne figure pas sur votre bulletin : vous êtes en conflit d’intérêts avec lui.
   *[other] { $count } dossiers ne figurent pas sur votre bulletin : vous êtes en conflit d’intérêts avec eux.
}
lists-member-none = Aucun vote sur une liste n’est ouvert pour votre comité.
review-lists-link = Votes sur la liste longue et la liste restreinte
what-list = liste
report-title = Rapport du comité
report-intro = Chaque décision du Comité technique et ce qui la justifie : les votes sur la liste longue et la liste restreinte avec le bulletin de chaque membre, et chaque rang du classement avec les évaluations qui le fondent.
report-decisions = Décisions sur les listes
report-no-decisions = Aucun vote sur une liste n’a encore été ouvert.
report-ballots = Le bulletin de chaque membre
report-no-ballots = Aucun membre n’a voté.
report-approved-none = aucune approbation
report-not-counted = non comptée : conflit d’intérêts
report-ballots-later = Le bulletin de chaque membre apparaît ici une fois la liste confirmée.
report-ranking = Le classement sur le dernier instantané des notes, avec chaque évaluation
report-confidence = Confiance
report-html-link = Le rapport du comité (page web, avec les décisions sur les listes)
jury-report-title = Rapport du jury
jury-report-link = Le rapport du jury (page web et CSV)
jury-report-csv = Le rapport du jury en CSV
jury-report-sealed = Les bulletins restent scellés jusqu’à la clôture du vote.
jury-report-result = Résultat
jury-report-decided = Décidé par la méthode { $method }.
jury-report-tied-with = À égalité avec
jury-report-tie-rule = La règle de départage : quand la méthode ne peut pas ordonner des dossiers, l’ordre de la liste restreinte décide (le plus petit numéro de dossier d’abord). Elle est fixée d’avance et ne laisse rien au hasard ; les égalités sont montrées pour que le jury puisse les trancher.
jury-report-tie-rule-short = départagé par l’ordre de la liste restreinte (le plus petit numéro de dossier d’abord)
jury-report-cut-splits-tie = La limite des lauréats tombe dans une égalité : la règle de départage a décidé qui a gagné.
jury-report-ballots = Le classement de chaque membre
jury-report-unranked = non classés
jury-report-methods = Le dépouillement par chaque méthode (rangs ; les ex æquo partagent un rang)
jury-report-borda-points = Points Borda
jury-report-pairwise = Schulze : combien de membres ont classé le dossier de la ligne devant celui de la colonne
jury-report-paths = Schulze : force du chemin le plus fort du dossier de la ligne à celui de la colonne
what-jury-result = résultat du vote du jury
