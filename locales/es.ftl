# Interfaz de Kapok: español

site-name = Kapok
site-tagline = Premios de innovación urbana y su biblioteca pública
skip-to-content = Ir al contenido
nav-home = Inicio
nav-awards = Premios
nav-library = Biblioteca
nav-cities = Ciudades
nav-api = Datos abiertos (API)
nav-main = Navegación principal
lang-switch = Idioma
footer-about = Kapok gestiona premios de innovación urbana de principio a fin y guarda cada candidatura en una biblioteca pública.
footer-data = Datos: hechos del Premio de Guangzhou tomados de comunicados públicos; casos de la SDG Innovation Commons de los Accelerator Labs del PNUD (MIT); lugares de GeoNames (CC BY 4.0).

home-title = Aprender de lo que hicieron las ciudades
home-intro = Cada candidatura de cada ciclo, en una sola biblioteca: qué intentó una ciudad, qué cambió y a quién preguntar.
home-stats = { $initiatives } iniciativas de { $cities } ciudades en { $countries } países, en { $awards } premios y { $editions } ediciones.
home-awards = Premios
home-recent = Ganadores recientes
home-browse = Explorar la biblioteca

awards-title = Premios
award-editions = Ediciones
award-organisers = Organizado por { $organisers }
award-website = Sitio web
award-entry-count = { $count ->
    [one] { $count } candidatura publicada
   *[other] { $count } candidaturas publicadas
}
award-edition-count = { $count ->
    [one] { $count } edición
   *[other] { $count } ediciones
}
award-no-editions = Aún no se ha anunciado ninguna edición.

edition-title = { $award } { $year }
edition-ordinal = { $ordinal }.ª edición
edition-timeline = El ciclo
edition-timezone = Las horas se muestran en { $zone }.
edition-no-dates = No constan las fechas de este ciclo.
edition-themes = Temas
edition-criteria = Criterios
criterion-weight = peso { $weight }
criterion-scale = escala { $min }–{ $max }
edition-settings = Número de seleccionados
edition-sizes = Lista larga de { $long }, lista corta de { $short }, hasta { $winners ->
    [one] { $winners } ganador
   *[other] { $winners } ganadores
}.
edition-committees = Comité técnico de { $tc } expertos; jurado de { $jury } miembros.
edition-reported = Cifras publicadas: { $entries } candidaturas válidas de { $cities } ciudades en { $countries } países.
edition-results = Resultados
edition-no-results = Aún no se han publicado resultados de esta edición.
edition-notes = Notas sobre las fuentes
results-winners = Ganadores
results-medals = Medallas de honor
results-shortlist = Lista corta
results-long-list = Lista larga (iniciativas destacadas)
results-public-vote = Votación del público
results-special-mention = Menciones especiales
results-other-honours = Otras distinciones del público
results-votes = { $votes } votos
edition-entries-link = Las { $count } candidaturas publicadas de esta edición

milestone-launch = Lanzamiento y convocatoria
milestone-registration_deadline = Plazo de inscripción
milestone-early_bird_deadline = Plazo anticipado
milestone-final_deadline = Plazo final
milestone-committee_meeting = Reunión del comité técnico
milestone-shortlist_release = Anuncio de la lista corta
milestone-public_vote = Votación del público
milestone-presentations = Presentaciones de las ciudades finalistas
milestone-jury_meeting = Reunión del jurado
milestone-ceremony = Ceremonia de entrega

status-withdrawn = Retirada
status-submitted = Presentada
status-valid = Candidatura válida
status-deserving = Lista larga
status-shortlisted = Finalista
status-medal_of_honour = Medalla de honor
status-winner = Ganador

honour-public_vote = Ganador de la votación del público
honour-special_mention = Mención especial
honour-media_attention = Atención de los medios
honour-public_recommendation = Recomendación del público

level-municipal = Ciudad
level-district = Distrito
level-metropolitan = Gobierno metropolitano
level-regional = Gobierno regional
level-association = Mancomunidad de municipios

section-summary = Resumen
section-situation_before = La situación anterior
section-objectives = Objetivos y estrategia
section-process = Proceso
section-results = Resultados
section-sustainability = Sostenibilidad
section-lessons = Lecciones aprendidas
section-transferability = Transferibilidad

initiative-untitled = Título no publicado
initiative-untitled-note = El título de esta candidatura no se hizo público; aquí no se inventa.
initiative-governments = Gobiernos
initiative-lead = principal
initiative-partners = Socios
initiative-key-dates = Fechas clave
initiative-period = Periodo
initiative-ongoing = desde { $start }, en curso
initiative-sdgs = Objetivos de Desarrollo Sostenible
initiative-themes = Temas
initiative-awards = En los premios
initiative-contact = Persona de contacto
initiative-source = Fuente
initiative-language-note = Se muestra en { $shown }; el idioma original es { $original }.
initiative-no-text = Aún no hay una descripción de esta iniciativa.
initiative-in-edition = { $award } { $year }
initiative-facts = Sobre esta iniciativa
initiative-editions-count = Presentada en { $editions } ediciones.
initiative-edition-library = Todas las candidaturas de esta edición
initiative-related = Iniciativas afines
initiative-related-how = Encontradas por la semejanza de sus textos.
initiative-related-none = No se encontró ninguna iniciativa afín.
compare-add = Añadir a la comparación
compare-in = En la comparación ({ $count } elegidas)
compare-title = Comparar iniciativas
compare-intro = Lado a lado, sección por sección. Los textos se muestran en su idioma cuando la iniciativa lo tiene.
compare-empty = Aún no hay nada que comparar. En la biblioteca o en la página de un caso, elija «Añadir a la comparación» para hasta tres iniciativas.
compare-caption = Las iniciativas elegidas, una por columna, sección por sección
compare-remove = Quitar de la comparación
compare-none = no indicado
compare-back = Volver a la biblioteca
compare-too-many = Se eligieron { $count } iniciativas; como máximo se pueden comparar { $max } lado a lado. Quite una.
compare-initiative = Iniciativa { $id }
compare-unknown = Ninguna iniciativa publicada tiene el número { $id }.
compare-unknown-title = Algunas de las iniciativas elegidas no se pueden comparar.
compare-bad-id = «{ $id }» no es un número de iniciativa.
city-search = Buscar entre las iniciativas de esta ciudad
city-in-library = Verlas en la biblioteca
library-download = Datos abiertos: toda la biblioteca publicada en
library-api = la API

sdg-1 = Fin de la pobreza
sdg-2 = Hambre cero
sdg-3 = Salud y bienestar
sdg-4 = Educación de calidad
sdg-5 = Igualdad de género
sdg-6 = Agua limpia y saneamiento
sdg-7 = Energía asequible y no contaminante
sdg-8 = Trabajo decente y crecimiento económico
sdg-9 = Industria, innovación e infraestructura
sdg-10 = Reducción de las desigualdades
sdg-11 = Ciudades y comunidades sostenibles
sdg-12 = Producción y consumo responsables
sdg-13 = Acción por el clima
sdg-14 = Vida submarina
sdg-15 = Vida de ecosistemas terrestres
sdg-16 = Paz, justicia e instituciones sólidas
sdg-17 = Alianzas para lograr los objetivos

city-country = País
city-population = Población
city-level = Nivel de gobierno
city-coordinates = Coordenadas
city-initiatives = Iniciativas
city-no-initiatives = Todavía no hay iniciativas de este gobierno en la biblioteca.
city-networks = Redes
city-no-networks = No consta ninguna pertenencia a redes.
city-links = Ciudades hermanas
city-no-links = No constan hermanamientos oficiales.
link-sister = Ciudad hermana
link-friendly = Cooperación amistosa
link-since = desde { $year }
cities-title = Ciudades
cities-intro = Gobiernos con iniciativas en la biblioteca, los más activos primero.

library-title = Biblioteca
library-intro = Todas las candidaturas publicadas, las más recientes primero.
library-count = { $total ->
    [one] { $total } candidatura
   *[other] { $total } candidaturas
}
library-empty = Aún no hay nada aquí.
library-sort = Ordenar
sort-newest = Más recientes primero
sort-oldest = Más antiguas primero
pagination = Páginas
pagination-previous = Anterior
pagination-next = Siguiente
pagination-page = Página { $page } de { $pages }

error-not-found-title = Página no encontrada
error-not-found = No existe ningún/ninguna { $what } con esta dirección. Puede haberse movido o no haber existido nunca.
error-bad-request-title = No se pudo entender esta solicitud
error-internal-title = Algo salió mal de nuestro lado
error-internal = El error quedó registrado. Inténtelo de nuevo en un momento.
error-unavailable-title = Kapok está ocupado
error-unavailable = Demasiadas solicitudes a la vez. Inténtelo de nuevo en unos segundos.
error-back-home = Volver al inicio
what-page = página
what-award = premio
what-edition = edición
what-initiative = iniciativa
what-city = ciudad

apply = Aplicar
api-not-found = Ningún/ninguna { $what } tiene el identificador { $id }.
api-bad-cursor = El cursor no es válido: use el valor `next` de una respuesta anterior.
api-bad-query = La consulta no es válida: { $details }
edition-sizes-short = Lista corta de { $short }, hasta { $winners ->
    [one] { $winners } ganador
   *[other] { $winners } ganadores
}.
search-label = Buscar en la biblioteca
search-button = Buscar
search-too-long = La búsqueda supera los { $max } caracteres.
search-not-ready = El índice de búsqueda se está construyendo. Inténtelo de nuevo en un momento.
library-results-for = Resultados para «{ $query }»
nav-account-menu = Cuenta
nav-sign-in = Iniciar sesión
nav-sign-out = Cerrar sesión
login-title = Iniciar sesión
login-intro = Para candidatos, expertos, miembros del jurado y la Secretaría. La biblioteca no requiere cuenta.
login-email = Correo electrónico
login-password = Contraseña
login-submit = Iniciar sesión
login-failed = El correo electrónico o la contraseña no son correctos.
account-title = Su cuenta
account-email = Correo electrónico
account-roles = Funciones
account-no-roles = Todavía sin función.
role-applicant = Candidato (ciudad o gobierno regional)
role-secretariat = Secretaría
role-technical_committee = Experto del comité técnico
role-jury = Miembro del jurado
role-commission_member = Miembro de una comisión de consulta
error-forbidden-title = Se rechazó esta acción
error-form-expired = El formulario caducó o no procede de este sitio. Vuelva a cargar la página e inténtelo de nuevo.
error-too-large = La solicitud es demasiado grande.
login-locked = Demasiados intentos fallidos. El inicio de sesión queda en pausa { $minutes } minutos; mientras tanto puede restablecer su contraseña.
login-unverified = Confirme primero su correo electrónico con el enlace que le enviamos.
form-has-errors = Corrija lo siguiente:
register-title = Crear una cuenta
register-intro = Para responsables de gobiernos municipales y regionales que deseen presentar una candidatura. Enviaremos un enlace para confirmar su correo electrónico.
register-name = Su nombre
register-password-again = Repita la contraseña
register-password-hint = Al menos { $min } caracteres.
register-submit = Crear la cuenta
register-have-account = ¿Ya tiene una cuenta?
register-name-invalid = Indique su nombre (como máximo { $max } caracteres).
register-email-invalid = Esta dirección de correo electrónico no es válida.
register-check-mail-title = Revise su correo
register-check-mail = Enviamos un mensaje a { $email }. Siga su enlace para confirmar la dirección; funciona durante 24 horas.
register-check-mail-later = ¿No llega tras unos minutos? Mire en el correo no deseado o pida un enlace nuevo al iniciar sesión.
password-too-short = La contraseña necesita al menos { $min } caracteres.
password-too-long = La contraseña puede tener como máximo { $max } caracteres.
password-same-as-email = La contraseña no puede ser su correo electrónico.
password-mismatch = Las dos contraseñas no coinciden.
verify-done-title = Dirección confirmada
verify-done = Su correo electrónico está confirmado. Ya puede iniciar sesión.
verify-invalid = Este enlace ya no es válido: se usó o caducó. Pida uno nuevo abajo.
resend-title = Confirme su dirección
resend-submit = Enviar un nuevo enlace de confirmación
resend-sent = Si esta dirección tiene una cuenta pendiente de confirmación, va en camino un enlace nuevo.
forgot-title = ¿Olvidó su contraseña?
forgot-intro = Indique su correo electrónico: enviaremos un enlace para elegir una contraseña nueva. Funciona durante una hora.
forgot-submit = Enviar el enlace
forgot-sent = Si esta dirección tiene una cuenta, va en camino un enlace para elegir una contraseña nueva. Funciona durante una hora.
reset-title = Elegir una contraseña nueva
reset-new-password = Contraseña nueva
reset-submit = Guardar la contraseña nueva
reset-done-title = Contraseña cambiada
reset-done = Su contraseña nueva está guardada y se cerraron todas las sesiones anteriores. Ya puede iniciar sesión.
reset-invalid-title = Este enlace no funciona
reset-invalid = El enlace ya se usó o caducó. Pida uno nuevo.
outbox-title = Bandeja de salida
outbox-intro = Todos los correos que envía Kapok, los más recientes primero. El correo espera aquí hasta que el servidor de correo lo recoja.
outbox-count = { $total } mensajes
outbox-sent = enviado el { $time }
outbox-pending = pendiente de envío
outbox-retrying = aún sin enviar ({ $attempts } intentos: { $error })
error-too-many-title = Demasiados intentos
error-too-many = Espere unos { $minutes } minutos antes de volver a intentarlo.
mail-footer = Kapok, en nombre de la Secretaría del premio. Recibe este mensaje por una acción en su cuenta.
mail-verify-subject = Confirme su correo electrónico
mail-verify-body = Hola, { $name }:

    Confirme su correo electrónico abriendo este enlace (funciona durante 24 horas):

    { $link }

    Si no creó una cuenta, puede ignorar este mensaje.
mail-taken-subject = Alguien intentó registrarse con su dirección
mail-taken-body = Hola, { $name }:

    Alguien intentó crear una cuenta con esta dirección, que ya tiene una. Si fue usted y olvidó su contraseña, elija una nueva aquí:

    { $link }

    Si no, puede ignorar este mensaje.
mail-reset-subject = Elegir una contraseña nueva
mail-reset-body = Hola, { $name }:

    Para elegir una contraseña nueva, abra este enlace (funciona durante una hora):

    { $link }

    Si no lo pidió, ignore este mensaje; su contraseña sigue igual.

answer-yes = Sí
answer-no = No
error-role-only = Esta página es para cuentas con la función: { $role }.
what-application = candidatura
claim-pending = Pendiente de la Secretaría
claim-approved = Aprobado
claim-rejected = No aprobado
claim-country-invalid = Indique el país con su código de dos letras (por ejemplo CO o FR).
claim-missing = Elija un gobierno de la lista o indique el nombre y el país del que hay que añadir.
gov-title = Sus gobiernos
gov-intro = Las candidaturas se presentan en nombre de una ciudad o un gobierno regional. Indique los que representa; la Secretaría comprueba cada solicitud antes de que pueda presentarse una candidatura en su nombre.
gov-none = Todavía no ha indicado ningún gobierno.
gov-government = Gobierno
gov-status = Estado
gov-claim-title = Indicar un gobierno
gov-search = Nombre de la ciudad o región
gov-no-results = Ningún gobierno con ese nombre figura en el nomenclátor. Puede pedir que se añada abajo.
gov-claim = Represento a este gobierno
gov-missing-title = ¿No está en la lista?
gov-missing-intro = Indique su nombre y su país; la Secretaría lo añade y comprueba su solicitud.
gov-missing-name = Nombre del gobierno
gov-missing-country = País (código de dos letras)
gov-missing-submit = Pedir que se añada
claims-title = Solicitudes de representación
claims-intro = Candidatos que dicen representar a un gobierno. Compruebe cada uno antes de que puedan presentar sus candidaturas.
claims-none = No hay solicitudes pendientes.
claims-note = Nota para el candidato (opcional)
claims-approve = Aprobar
claims-reject = No aprobar
apps-title = Sus candidaturas
apps-no-government = Antes de presentar, la Secretaría debe aprobar el gobierno que representa.
apps-none = Todavía no tiene candidaturas.
apps-edition = Edición
apps-open = Convocatorias abiertas
apps-none-open = No hay ninguna convocatoria abierta en este momento.
apps-start = Empezar una candidatura
app-status-draft = Borrador
app-status-submitted = Presentada
app-status-withdrawn = Retirada
app-untitled = Candidatura sin título
app-closes = La convocatoria cierra el { $date }.
app-closed = La convocatoria cerró el { $date }.
app-withdrawn = Esta candidatura fue retirada.
app-not-editable = Esta candidatura ya no se puede modificar.
app-steps = Pasos de la candidatura
app-step-basic = Información básica
app-step-texts = La iniciativa
app-step-details = Temas y detalles
app-step-eligibility = Elegibilidad
app-step-review = Revisión
app-conflicts = Algunos campos se cambiaron en otro lugar (otra pestaña u otro dispositivo) desde que abrió esta página. Su texto está en los campos; el texto guardado se muestra debajo. Guarde de nuevo para conservar el suyo.
app-conflict-keep = Guarde de nuevo el formulario para conservar su texto, o copie lo que necesite del texto guardado.
app-complete = Todo lo obligatorio está completo.
app-problems = Antes de presentar la candidatura, corrija:
app-save = Guardar
app-save-continue = Guardar y continuar
app-too-long = Como máximo { $max } caracteres.
app-words = { $words } palabras
app-words-of = { $words } / { $budget } palabras
app-year-hint = Un año, por ejemplo 2021.
app-governments-hint = Los gobiernos que se presentan juntos; el primero es el principal.
app-no-options = Ninguno aprobado todavía.
app-partners-hint = Un socio por línea.
app-key-dates-hint = Una fecha por línea: la fecha y luego lo ocurrido (2021-03 Piloto en dos distritos).
field-title = Título
field-original-language = Idioma original de la iniciativa
field-governments = Gobiernos candidatos
field-level = Nivel de gobierno
field-started = Inicio
field-ended = Fin (vacío si sigue en curso)
field-contact-name = Persona de contacto
field-contact-role = Su cargo
field-contact-email = Su correo electrónico
field-contact-consent = La persona de contacto acepta aparecer en la biblioteca pública.
field-themes = Temas
field-sdgs = Objetivos de Desarrollo Sostenible
field-partners = Socios
field-key-dates = Fechas clave
field-budget = Presupuesto y financiación
field-eligibility-notes = Notas sobre la elegibilidad (opcional)
slot-en = en inglés
slot-orig = en el idioma original
problem-missing = obligatorio
problem-english = se requiere una versión en inglés
problem-over-budget = { $words } palabras, { $budget } como máximo
problem-narrative-over-budget = las secciones suman { $words } palabras, { $budget } como máximo
problem-unanswered = responda, por favor
problem-years = un año entre 1900 y 2100, no anterior al inicio
problem-theme = elija al menos un tema
autosave-saving = Guardando…
autosave-saved = Todos los cambios guardados.
autosave-offline = Aún sin guardar: falló la conexión. Su texto se conserva en este navegador y se enviará de nuevo.
autosave-signed-out = Su sesión terminó. Su texto se conserva en este navegador: inicie sesión de nuevo y vuelva a esta página.
autosave-conflict = Este campo se cambió en otro lugar (otra pestaña u otro dispositivo). El texto guardado es:
autosave-keep-mine = Conservar mi texto
autosave-use-saved = Usar el texto guardado
autosave-restored = Se restauró el texto escrito antes en este navegador que no había llegado al servidor, y se está guardando.
review-autosave-conflict = Esta evaluación se guardó en otro lugar (otra pestaña u otro dispositivo) después de abrir esta página.
autosave-words = palabras
problem-key-date = la línea { $line } no empieza con una fecha como 2021-03
problem-government = elija gobiernos que la Secretaría haya aprobado para usted
app-local-time = su hora:
app-feedback = Comentarios de la Secretaría
app-confirm-submit = Confirmo que esta candidatura está completa y es veraz, y que puedo presentarla en nombre de los gobiernos indicados.
app-submit = Presentar la candidatura
app-submit-again = Presentar esta nueva versión
app-versions = Versiones presentadas
app-version = Versión { $number }, presentada el { $date }
app-digest = Huella
app-withdraw = Retirar la candidatura
app-confirm-withdraw = Quiero retirar esta candidatura. Sus versiones presentadas quedan registradas; no podrá presentarse de nuevo.
app-confirm-needed = Marque la casilla para confirmar.
app-not-complete = La candidatura aún no está completa: vea la lista de lo que hay que corregir.
app-government-not-approved = Elija solo gobiernos que la Secretaría haya aprobado para usted.
app-submitted-notice = La versión { $number } está presentada. Un acuse de recibo va por correo. Puede seguir modificando la candidatura y presentarla de nuevo hasta el cierre.
mail-receipt-subject = Su candidatura se ha recibido
mail-receipt-body = Hola, { $name }:

    Recibimos su candidatura «{ $title }» para { $edition } el { $when }.

    Su huella es { $digest }. La huella identifica exactamente esta versión: si presenta de nuevo, la nueva versión tendrá otra huella.

    Palabras en inglés, por sección:
    { $sections }

    Puede ver todas las versiones presentadas aquí:

    { $link }
desk-title = Candidaturas
desk-none = Todavía no se ha empezado ninguna candidatura.
desk-counts = { $submitted } presentadas, { $drafts ->
    [one] { $drafts } borrador
   *[other] { $drafts } borradores
} en curso
desk-entries = Ninguna solicitud; { $entries ->
    [one] { $entries } candidatura
   *[other] { $entries } candidaturas
}
desk-csv = Descargar en CSV
desk-last = Última presentación
desk-drafts = Borradores
desk-drafts-intro = Candidaturas aún no presentadas. Su contenido es privado del candidato; puede ampliar su plazo.
desk-draft-private = Borrador (su contenido es privado)
desk-extended-until = Esta candidatura puede presentarse hasta el { $date }.
desk-feedback-label = Comentarios para el candidato
desk-feedback-send = Enviar los comentarios
desk-feedback-rule = Los comentarios son para candidaturas presentadas antes del plazo anticipado ({ $date }).
desk-feedback-none = Esta edición no tiene plazo anticipado.
desk-feedback-not-early = Solo las candidaturas presentadas antes del plazo anticipado reciben comentarios.
desk-extension = Ampliación del plazo
desk-extension-until = Nuevo plazo para esta candidatura ({ $zone })
desk-extension-reason = Motivo (se guarda en el registro)
desk-extension-grant = Conceder la ampliación
desk-extension-invalid = Indique una fecha y hora futuras y un motivo.
desk-log = Registro
event-submitted = presentada
event-withdrawn = retirada
event-extended = plazo ampliado
event-feedback = comentarios enviados
mail-feedback-subject = Comentarios sobre su candidatura
mail-feedback-body = Hola, { $name }:

    La Secretaría escribió comentarios sobre su candidatura. Puede leerlos, modificar la candidatura y presentarla de nuevo hasta el cierre:

    { $link }

app-step-attachments = Anexos
what-attachment = anexo
size-mb = { $size } MB
size-kb = { $size } KB
event-attached = anexo añadido
event-detached = anexo retirado
attach-intro = Documentos PDF e imágenes (PNG, JPEG, GIF, WebP), y enlaces a vídeos. Los anexos son opcionales.
attach-limits = Hasta { $file } MB por archivo y { $total } MB en total.
attach-none-yet = Todavía no hay anexos.
attach-file = Archivo
attach-upload = Adjuntar el archivo
attach-link = Enlace a un vídeo
attach-add-link = Añadir el enlace
attach-video = enlace de vídeo
attach-remove = Retirar
attach-confirm-remove = Quiero retirar este anexo.
attach-listed = Anexos
attach-bad-form = No se pudo leer el envío. Elija de nuevo el archivo y envíelo.
attach-none = Elija un archivo para adjuntar.
attach-empty = El archivo está vacío.
attach-type = Solo se pueden adjuntar documentos PDF e imágenes PNG, JPEG, GIF o WebP. Se comprueba el contenido del archivo, diga lo que diga su nombre.
attach-too-large = El archivo supera { $max } MB, el límite por archivo.
attach-total = Con este archivo los anexos superarían { $max } MB, el límite por candidatura. Retire antes un anexo.
attach-bad-link = Indique la dirección completa del vídeo, empezando por https:// (como máximo { $max } caracteres).
attach-too-many-videos = Una candidatura puede incluir como máximo { $max } enlaces de vídeo.
app-continue = Continuar
error-not-utf8 = El formulario contenía texto que no es Unicode válido (UTF-8). No se guardó nada; envíelo de nuevo desde la página.

## Votación del público
nav-vote = Votación del público
what-vote = votación del público
what-vote-result = resultado certificado
vote-list-title = Votaciones del público
vote-list-intro = Elija «La ciudad de su elección»: todas las votaciones del público que se celebran aquí, primero las abiertas.
vote-list-none = Todavía no se ha organizado ninguna votación del público.
vote-title = La ciudad de su elección
vote-window = Periodo de votación
vote-phase-not-open = Aún no abierta
vote-phase-open = Abierta
vote-phase-closed = Cerrada
vote-shape-exactly = { $n ->
    [one] Elija una candidatura
   *[other] Elija exactamente { $n } candidaturas
}
vote-shape-up-to = { $n ->
    [one] Elija como máximo una candidatura
   *[other] Elija hasta { $n } candidaturas
}
vote-frequency-once = una vez durante toda la votación.
vote-frequency-daily = una vez al día.
vote-frequency-per-day = { $n ->
    [one] hasta una vez al día.
   *[other] hasta { $n } veces al día.
}
vote-rules-link = Reglas y comprobaciones
vote-check-link = Compruebe que su papeleta se contó
vote-results-link = Resultados
vote-candidates = Candidaturas
vote-no-candidates = Todavía no hay candidaturas.
vote-verify-title = Verificación para votar
vote-verify-intro-email = Enviamos un código de seis dígitos a su correo electrónico. Su dirección solo se usa para garantizar que la votación sea justa y nunca se publica.
vote-verify-intro-phone = Enviamos un código de seis dígitos a su teléfono por SMS. Su número solo se usa para garantizar que la votación sea justa y nunca se publica.
vote-identity-label-email = Correo electrónico
vote-identity-label-phone = Número de teléfono móvil (con + y el prefijo del país)
vote-send-code = Enviarme un código
vote-code-title = Introduzca su código
vote-code-sent-email = Enviamos un código a { $identity }. Es válido durante 15 minutos.
vote-code-sent-phone = Enviamos un código por SMS al { $identity }. Es válido durante 15 minutos.
vote-code-label = Código de seis dígitos
vote-verify = Verificar
vote-code-subject = Su código para votar
vote-code-text = Su código para { $vote }: { $code }. Es válido durante 15 minutos. Si no lo pidió, ignore este mensaje.
vote-code-wrong = Este código no es correcto. { $left ->
    [0] Pida un código nuevo.
    [one] Le queda un intento.
   *[other] Le quedan { $left } intentos.
}
vote-code-expired = No hay ningún código válido para esta dirección: caducó, ya se usó o se intentó demasiadas veces. Pida un código nuevo.
vote-identity-email = Introduzca una dirección de correo electrónico válida.
vote-identity-phone = Introduzca un número de móvil en formato internacional, empezando por + y el prefijo del país.
vote-identity-disposable = No se pueden usar direcciones de servicios de correo desechable para votar. Use su dirección habitual.
vote-not-open = La votación no está abierta en este momento.
vote-ballot-title = Su papeleta
vote-verified-as = Identidad verificada: { $identity }
vote-ballots-left = { $n ->
    [0] no le quedan papeletas por ahora
    [one] le queda 1 papeleta por ahora
   *[other] le quedan { $n } papeletas por ahora
}
vote-cast = Emitir mi papeleta
vote-sign-out = Dejar de votar en este dispositivo
vote-not-verified = Verifique su correo electrónico o su teléfono antes de votar.
vote-ballot-malformed = No se pudo leer esta papeleta. Elija de la lista de candidaturas y envíela de nuevo.
vote-ballot-exactly = { $n ->
    [one] Elija una candidatura.
   *[other] Elija exactamente { $n } candidaturas.
}
vote-ballot-too-many = { $n ->
    [one] Elija como máximo una candidatura.
   *[other] Elija como máximo { $n } candidaturas.
}
vote-ballot-empty = Elija al menos una candidatura.
vote-limit-reached = Ya usó todas las papeletas que las reglas permiten por ahora.
vote-too-fast = Demasiadas papeletas desde su red. Espere un momento.
vote-busy = Mucha gente está votando en este momento y su papeleta no se registró. Envíela de nuevo dentro de un momento.
vote-receipt-title = Su papeleta se contó
vote-receipt-intro = Gracias por votar en { $vote }. Su papeleta está registrada. Este es su comprobante:
vote-receipt-keep = Consérvelo: con él puede comprobar en cualquier momento que su papeleta se contó. No revela su elección y nadie más puede vincularlo con usted.
vote-back = Volver a la votación
vote-check-title = Compruebe su papeleta
vote-check-intro = Introduzca el comprobante que recibió al votar. La respuesta indica si la papeleta se contó, nunca qué eligió.
vote-receipt-label = Comprobante
vote-check-button = Comprobar
vote-check-counted = Esta papeleta se emitió el { $when } y se cuenta.
vote-check-invalidated = Esta papeleta se emitió el { $when }, pero no se cuenta: { $reason }
vote-check-unknown = Ninguna papeleta tiene este comprobante. Compruebe que lo escribió tal como se mostró.
vote-rules-title = Reglas de la votación
vote-rules-verification-email = Cada votante verifica una dirección de correo electrónico con un código de un solo uso; una dirección es un votante.
vote-rules-verification-phone = Cada votante verifica un número de móvil con un código de un solo uso enviado por SMS; un número es un votante.
vote-rules-tally-visible = El recuento parcial es público mientras la votación está abierta.
vote-rules-tally-hidden = El recuento se publica solo después del cierre, una vez certificado.
vote-rules-checked = Qué se comprueba
vote-rules-check-identity = Un código es válido durante 15 minutos y para cinco intentos; un código usado no puede volver a usarse.
vote-rules-check-limits = El límite de cada votante se aplica en el momento en que se guarda la papeleta, de modo que dos papeletas enviadas a la vez nunca pueden contar ambas por encima de él.
vote-rules-check-disposable = Las solicitudes de códigos están limitadas por dirección, por red y por votante; se rechazan los servicios de correo desechable.
vote-rules-check-anomalies = La Secretaría revisa las ráfagas de votos para una misma candidatura, los muchos votantes desde una misma red y las direcciones que siguen un mismo patrón.
vote-rules-check-invalidation = Las papeletas que incumplan las reglas pueden anularse, siempre con un motivo registrado; el votante ve el motivo al consultar su comprobante.
vote-rules-check-digest = Tras el cierre se publican la lista de papeletas contadas (cada una identificada por una huella de su comprobante) y su huella, para que cualquiera pueda volver a contar.
vote-results-title = Resultados de la votación del público
vote-results-pending = Los resultados se publicarán aquí cuando la votación haya cerrado y la Secretaría haya certificado el recuento.
vote-results-certified = Certificado el { $when }.
vote-results-counts = Papeletas contadas: { $counted }; anuladas: { $invalidated }.
vote-results-running = Recuento parcial, papeletas hasta ahora: { $counted }. No es definitivo.
vote-candidate = Candidatura
vote-votes = Votos
vote-chart-title = Papeletas a lo largo del tiempo
vote-digest-title = Compruebe usted mismo el recuento
vote-digest-intro = La lista siguiente tiene una línea por papeleta contada: el SHA-256 de su comprobante y, a continuación, sus opciones (identificadores de candidaturas). El SHA-256 de la lista es esta huella. Encuentre su línea con el SHA-256 de su comprobante.
vote-digest-line = Huella { $digest }.
vote-ballots-download = Papeletas contadas (texto)
vote-results-csv = Resultados (CSV)
vote-desk-title = Votación del público
vote-desk-none = Sin votación
vote-desk-state = Estado
vote-desk-new = Esta edición todavía no tiene votación del público. Guarde la configuración de abajo para crear una.
vote-desk-ballots = { $n ->
    [one] 1 papeleta
   *[other] { $n } papeletas
}
vote-desk-public-page = Página pública
vote-desk-settings = Configuración
vote-desk-timezone = Las horas están en la zona horaria de la edición, { $zone }.
vote-desk-opens = Apertura
vote-desk-closes = Cierre
vote-desk-shape = Papeleta
vote-desk-shape-exactly = Elegir exactamente N
vote-desk-shape-up-to = Elegir hasta N
vote-desk-choices = N
vote-desk-frequency = Con qué frecuencia puede votar cada votante
vote-desk-per-day-option = Hasta N veces al día
vote-desk-per-day = N al día (para «hasta N veces al día»)
vote-desk-verification = Verificación
vote-desk-verification-email = Código de un solo uso por correo electrónico
vote-desk-verification-phone = Código de un solo uso por SMS
vote-desk-tallies-visible = Mostrar el recuento parcial mientras la votación está abierta
vote-desk-candidates = Candidaturas (si no se marca ninguna: la lista corta)
vote-desk-save = Guardar la configuración
vote-desk-log = Registro
vote-desk-log-empty = Todavía no ha ocurrido nada.
vote-desk-certified-locked = El resultado está certificado: la votación ya no se puede modificar.
vote-settings-window = La votación debe cerrar después de abrir.
vote-settings-choices = Una papeleta incluye entre 1 y 50 candidaturas.
vote-settings-per-day = «Hasta N veces al día» requiere un N entre 1 y 10 000.
vote-settings-date = Indique las fechas con fecha y hora, por ejemplo 2026-11-30T09:00.
vote-settings-verification = Elija cómo se verifican los votantes.
vote-settings-candidates = Una candidatura elegida no pertenece a esta edición.
vote-certify-title = Certificar el resultado
vote-certify-intro = Tras el cierre, la certificación fija el recuento de las papeletas no anuladas, lo publica con el gráfico, la lista de papeletas contadas y su huella, y asigna a cada candidatura sus votos del público. No se puede deshacer.
vote-certify-confirm = He revisado el informe de anomalías y certifico este recuento.
vote-certify = Certificar y publicar
vote-certify-not-closed = La votación solo puede certificarse después del cierre.
vote-anomalies-title = Informe de anomalías
vote-anomalies-none = Nada que señalar.
vote-bursts-title = Ráfagas de votos para una candidatura
vote-bursts-rule = Se muestra un minuto cuando una candidatura recibió en él al menos { $floor } votos, y al menos { $factor } veces su cifra habitual por minuto.
vote-minute = Minuto
vote-usual = Habitual por minuto
vote-subnets-title = Muchos votantes desde una misma red
vote-subnets-rule = Redes (/24 en IPv4, /48 en IPv6) desde las que al menos { $floor } votantes emitieron papeletas.
vote-subnet = Red
vote-identities = Votantes
vote-ballots = Papeletas
vote-patterns-title = Direcciones que siguen un mismo patrón
vote-patterns-rule = Direcciones de correo electrónico que solo difieren en dígitos, puntos o una +etiqueta, cuando al menos { $floor } votantes comparten el patrón.
vote-pattern = Patrón
vote-examples = Ejemplos
vote-identities-title = Votantes más activos
vote-identity = Votante
vote-periods = Periodos
vote-first = Primera papeleta
vote-last = Última papeleta
vote-receipts = Comprobantes
vote-invalidate-title = Anular papeletas
vote-invalidate-intro = Las papeletas anuladas siguen guardadas pero no se cuentan; el motivo queda en el registro y se muestra a los votantes que consultan su comprobante.
vote-invalidate-by = Seleccionar papeletas por
vote-invalidate-value = Red, votante o comprobantes (separados por espacios o comas)
vote-invalidate-reason-label = Motivo (se muestra al votante)
vote-invalidate-confirm-label = Entiendo que estas papeletas dejarán de contarse.
vote-invalidate-button = Anular
vote-invalidate-reason = Indique un motivo (como máximo 500 caracteres).
vote-invalidate-confirm = Marque la casilla para confirmar.
vote-invalidate-what = Indique qué papeletas: una red, un votante o comprobantes.
sms-title = Mensajes de texto
sms-intro = Mensajes enviados mediante el proveedor de registro (no hay ninguna pasarela de SMS configurada), los más recientes primero. Solo se conservan en memoria.
sms-none = No se ha enviado ningún mensaje de texto.

## Screening
screening-title = Revisión de admisibilidad
screening-counts = { $pending } por revisar, { $valid } admisibles, { $not_valid } no admisibles.
screening-filter = Mostrar candidaturas
screening-show-pending = Por revisar
screening-show-valid = Admisibles
screening-show-not-valid = No admisibles
screening-show-all = Todas
screening-none = No hay candidaturas aquí.
screening-select = Elegir
screening-pending = Aún sin revisar
screening-outcome-valid = Admisible
screening-outcome-not_valid = No admisible
screening-decision = Decisión para las candidaturas elegidas
screening-reasons = Motivos (si no es admisible: las condiciones que no cumple)
screening-note = Nota para los solicitantes (opcional)
screening-apply = Registrar la decisión
screening-no-entry = Elija al menos una candidatura.
screening-no-outcome = Elija admisible o no admisible.
screening-no-reason = Una decisión de no admisibilidad necesita al menos un motivo de la lista de control.
screening-unknown-reason = Un motivo no figura en la lista de control de esta edición.
screening-note-too-long = La nota supera los 2000 caracteres.
screening-not-in-edition = La candidatura { $id } no es de esta edición. No se cambió nada.
screening-already-further = La candidatura { $id } ya pasó la revisión (lista larga o después). No se cambió nada.
## Committees and conflicts
stage-technical_committee = Comité técnico
stage-jury = Jurado
committee-title = Comités
committee-none = Todavía no hay miembros.
committee-member = Miembro
committee-stage = Comité
committee-place = País y ciudad
committee-affiliation = Organización
committee-expertise = Especialidad (temas e idiomas)
committee-invite = Invitar a un miembro
committee-name-label = Nombre
committee-city-label = Ciudad (opcional, del nomenclátor)
committee-other-languages = Otros idiomas (códigos, separados por comas)
committee-invite-button = Invitar
committee-email = Indique una dirección de correo electrónico válida.
committee-name = Indique el nombre del miembro (200 caracteres como máximo).
committee-city = El nomenclátor no tiene ninguna ciudad con ese nombre en ese país.
committee-theme = Uno de los temas no pertenece a esta edición.
committee-already = Esta persona ya es miembro de ese comité.
conflict-title = Conflictos de intereses
conflict-none = No se ha declarado ni detectado ningún conflicto.
conflict-rule-same-country = Los miembros no pueden evaluar candidaturas de su propio país
conflict-declared = { $member } declaró un conflicto con «{ $entry }»: { $detail }
conflict-same-government = { $member }: trabaja para el gobierno de «{ $entry }» ({ $detail })
conflict-same-country = { $member }: mismo país que «{ $entry }» ({ $detail })
conflict-city-link = { $member }: su ciudad y la de «{ $entry }» están vinculadas ({ $detail })
conflict-partner = { $member }: su organización es socia de «{ $entry }» ({ $detail })
conflict-link-sister = ciudades hermanas
conflict-link-friendly = cooperación amistosa
mail-invite-subject = Invitación para evaluar candidaturas
mail-invite-body = Hola, { $name }:

    Le invitamos a formar parte del { $committee } de { $edition }. Para aceptar, abra este enlace y elija su contraseña (funciona durante una semana; si ya tiene una cuenta, inicie sesión):
    { $link }

    Gracias por su tiempo.
review-title = Mi trabajo de evaluación
review-no-committee = No forma parte de ningún comité.
review-assigned = Candidaturas que se le han asignado
review-none-assigned = Ninguna por ahora: la Secretaría aún no ha desplegado ninguna asignación.
review-declare = Declarar un conflicto de intereses
review-entry = Candidatura
review-conflict-reason-label = Motivo (lo ve la Secretaría)
review-declare-button = Declarar
review-no-member = No forma parte de ese comité.
review-no-entry = Esa candidatura no es de esta edición.
review-conflict-reason = Indique el motivo, en 500 caracteres como máximo.
assign-title = Asignación de evaluadores
assign-sizes = { $members } miembros del comité técnico, { $entries } candidaturas admisibles.
assign-propose = Proponer
assign-per-entry = Evaluadores por candidatura (k)
assign-max-per-reviewer = Máximo de candidaturas por evaluador (L)
assign-propose-button = Proponer la mejor asignación
assign-source = Afinidad según
assign-source-expertise = La especialidad: temas, idiomas y la descripción de cada miembro comparada con los textos de las candidaturas
assign-source-matrix = Una matriz de puntuaciones importada
assign-scores = Matriz de puntuaciones
assign-scores-help = Una línea por par: número de candidatura, evaluador (correo electrónico o número de miembro), afinidad — el formato de los archivos de puntuaciones del matcher de OpenReview y de kapok assign --scores. Los pares ausentes tienen afinidad 0; los conflictos siguen aplicándose.
assign-source-unknown = Elija de dónde vienen las afinidades.
assign-matrix-empty = Pegue la matriz de puntuaciones: está vacía.
assign-matrix-fields = Matriz de puntuaciones, línea { $line }: se esperaba candidatura,evaluador,afinidad.
assign-matrix-affinity = Matriz de puntuaciones, línea { $line }: «{ $value }» no es una afinidad (un número).
assign-matrix-duplicate = Matriz de puntuaciones, línea { $line }: este par ya figura en la línea { $first }.
assign-matrix-entry = Matriz de puntuaciones: «{ $name }» no es el número de una candidatura válida de esta edición.
assign-matrix-reviewer = Matriz de puntuaciones: «{ $name }» no es miembro de este Comité Técnico (use su correo electrónico o su número de miembro).
assign-proposal = Propuesta (los evaluadores aún no la ven)
assign-total = Afinidad total: { $total }
assign-reviewers = Evaluadores (afinidad)
assign-loads = Candidaturas por evaluador
assign-adjust = Ajustar a mano
assign-add = Añadir
assign-remove = Quitar
assign-deploy = Desplegar
assign-deploy-confirm = Los evaluadores verán exactamente estas asignaciones.
assign-deploy-button = Desplegar
assign-in-force = En vigor
assign-in-force-line = Despliegue { $id }: { $count ->
    [one] { $count } asignación
   *[other] { $count } asignaciones
}.
assign-none-in-force = No hay ninguna asignación desplegada.
assign-undo-confirm = Los evaluadores volverán a ver el despliegue anterior a este (o ninguno).
assign-undo-button = Deshacer este despliegue
assign-last-undo = Qué cambió al deshacer por última vez
assign-diff-added = vuelve: { $member } evalúa «{ $entry }»
assign-diff-removed = sale: { $member } ya no evalúa «{ $entry }»
assign-limits = Indique k entre 1 y 20 y L entre 1 y 10 000.
assign-infeasible = No es posible ninguna asignación: { $reason }
assign-pair-unknown = Elija una candidatura y un miembro de esta edición.
assign-conflicted = Este miembro tiene un conflicto de intereses con esta candidatura: nunca se le puede asignar.
assign-nothing = No hay ninguna propuesta que desplegar.
assign-nothing-to-undo = No hay ningún despliegue en vigor.
committee-stage-missing = Elija un comité.
committee-affiliation-long = El nombre de la organización supera los 300 caracteres.
committee-statement = Descripción de la especialidad
committee-statement-help = Campos, trabajos anteriores, publicaciones: se comparan con los textos de las candidaturas al asignar evaluadores.
committee-expertise-long = La descripción de la especialidad supera los 5000 caracteres.

## Reviews
review-form-title = Su evaluación
review-submitted = Su evaluación está enviada. Aún puede mejorarla y enviarla de nuevo.
review-score = Puntuación
review-comment = Comentario
review-recommendation = Recomendación
review-confidence-label = Grado de seguridad (1: poco, 5: experto)
review-save = Guardar el borrador
review-submit = Enviar la evaluación
review-others = Otras evaluaciones
review-no-others = Ningún otro evaluador ha enviado todavía.
review-others-after = Las otras evaluaciones y la discusión se abren cuando haya enviado la suya.
review-discussion = Discusión
review-discussion-add = Su mensaje a los demás evaluadores
review-discussion-post = Publicar
review-discussion-after = La discusión se abre cuando haya enviado su evaluación.
review-out-of-scale = Cada puntuación debe ser un número entero en la escala de su criterio.
review-unknown-criterion = Una puntuación se refiere a un criterio que esta evaluación no tiene.
review-confidence = El grado de seguridad va de 1 a 5.
review-too-long = Un texto está vacío o supera los 5000 caracteres.
review-missing-score = Para enviar, puntúe cada criterio.
review-no-recommendation = Para enviar, elija una recomendación.
review-no-confidence = Para enviar, indique su grado de seguridad.
review-stale = Este formulario está desactualizado. Recargue la página.
review-closed = Las evaluaciones están cerradas: la votación de la lista larga se abrió sobre las puntuaciones tal como se congelaron.
review-stale-kept = Otra pestaña u otro dispositivo guardó esta evaluación antes; se muestra abajo y no se sobrescribió nada. Lo que intentó guardar: { $yours }
recommendation-strongly_support = Apoyo firme
recommendation-support = Apoyo
recommendation-neutral = Neutral
recommendation-oppose = En contra
progress-title = Avance de las evaluaciones
progress-assigned = Asignadas
progress-drafts = Borradores
progress-submitted = Enviadas
progress-remind = Recordar a los evaluadores con evaluaciones pendientes
mail-reminder-subject = Evaluaciones pendientes
mail-reminder-body = Hola, { $name }:

    { $count } de las candidaturas de { $edition } que tiene asignadas esperan aún su evaluación:
    { $link }

    Gracias.
scores-title = Puntuaciones y clasificación
scores-no-snapshot = Aún no hay instantánea: congele las evaluaciones enviadas para clasificarlas.
scores-snapshot = Instantánea del { $when }: { $count } evaluaciones enviadas.
scores-freeze = Congelar ahora las evaluaciones enviadas
scores-method = Agregación
scores-method-mean = Media
scores-method-median = Mediana
scores-method-trimmed_mean = Media recortada (sin la más alta ni la más baja)
scores-apply = Clasificar de nuevo
scores-raw = Puntuación bruta (0–10)
scores-normalised = Normalizada (z)
scores-reviews = Evaluaciones
scores-flag = Señal
scores-disagreement = Los evaluadores discrepan
scores-moved = Puesto con estos pesos
scores-weight = Cada peso debe ser un número de 0 a 100.
scores-explained = Bruta: la puntuación ponderada de cada evaluación en 0–10, agregada. Normalizada: cada evaluación como puntuación z frente a las demás evaluaciones del mismo evaluador, agregada, para que evaluadores severos e indulgentes cuenten igual; la clasificación la sigue. Los evaluadores discrepan cuando dos evaluaciones difieren en 4 puntos o más.

## Library search

sort-relevance = Más pertinentes primero
library-refine = Afinar
library-facets-pending = Los filtros aparecerán cuando el índice de búsqueda esté construido.
library-facets-more = Más
library-active-filters = Filtros activos
library-remove-filter = Quitar este filtro
library-clear = Borrar la búsqueda y los filtros
library-empty-hint = Pruebe con menos palabras o filtros.
library-syntax-title = Cómo buscar
library-syntax-words = cada palabra debe aparecer (en cualquier idioma; títulos y nombres de ciudades toleran un error de tecleo)
library-syntax-phrase = palabras juntas, en este orden
library-syntax-operators = una u otra palabra, o sin una palabra
library-syntax-places = en una ciudad o un país (código ISO o nombre)
library-syntax-filters = por año o periodo, tema, Objetivo de Desarrollo Sostenible
facet-award = Premio
facet-edition = Edición
facet-status = Resultado
facet-continent = Continente
facet-country = País
facet-city = Ciudad o región
facet-theme = Tema
facet-sdg = Objetivo de Desarrollo Sostenible
facet-year = Año
facet-level = Nivel de gobierno
continent-AF = África
continent-AS = Asia
continent-EU = Europa
continent-NA = América del Norte
continent-OC = Oceanía
continent-SA = América del Sur
continent-AN = Antártida
search-error-empty = La búsqueda no contiene ninguna palabra que buscar.
search-error-too-many-terms = La búsqueda tiene más de { $max } palabras y filtros. Use menos.
search-error-too-deep = Los paréntesis están anidados en más de { $max } niveles.
search-error-quote = Unas comillas no están cerradas: termine la frase con otras ".
search-error-parenthesis = Los paréntesis no coinciden: cada ( necesita un ).
search-error-unknown-field = Campo desconocido «{ $name }:». Use city:, country:, year:, theme: o sdg: (o ciudad:, pais:, ano:, tema:), o ponga las palabras entre comillas.
search-error-missing-value = «{ $name }:» debe ir seguido directamente de una palabra o una "frase".
search-error-year = «{ $query }» no es un año ni un periodo: escriba year:2021 o year:2018..2021.
search-error-sdg = «{ $query }» no es un Objetivo de Desarrollo Sostenible: escriba sdg: y un número del 1 al 17.
search-error-operator = { $what } necesita algo que buscar a cada lado.
search-cursor-other-search = Este cursor pertenece a otra búsqueda: use el valor `next` de una respuesta a la misma búsqueda.
library-view = Mostrar los resultados como
library-view-list = Lista
library-view-map = Mapa
library-map-title = Mapa de los resultados: un marcador por ciudad, más grande donde hay más candidaturas
library-map-summary = { $cities ->
    [one] Los resultados vienen de { $cities } ciudad o región.
   *[other] Los resultados vienen de { $cities } ciudades y regiones.
}
library-map-attribution = Datos del mapa: Natural Earth, vía world-atlas.
library-map-cities = Las ciudades del mapa

## Jury
jury-title = Votación del jurado
jury-intro = Ordene las candidaturas de la lista corta: 1 para su primera opción, 2 para la siguiente, y así sucesivamente. Dé el mismo número a dos candidaturas para empatarlas; deje una casilla vacía para no clasificar una candidatura. Su papeleta es secreta hasta el cierre y puede cambiarla hasta entonces.
jury-cast = Votar
jury-voted = Su papeleta está registrada. Puede cambiarla hasta el cierre de la votación.
jury-closed = La votación está cerrada.
jury-waiting = El jurado vota una vez confirmada la lista corta.
jury-rank-invalid = Dé a cada candidatura clasificada un número entero de 1 a { $count }.
jury-voters = Miembros que han votado
jury-honour = Resultado
jury-winner = Ganadora
jury-medal = Medalla de Honor
jury-tie = El método no pudo ordenar estas candidaturas; el empate se deshizo según el orden de la lista corta, y el jurado puede querer resolverlo:
jury-method-label = Método
jury-irv = Segunda vuelta instantánea
jury-close-confirm = Cerrar la votación y abrir las papeletas; nadie podrá votar después.
jury-close = Cerrar la votación
jury-publish-confirm = Publicar: las primeras candidaturas resultan ganadoras, las demás reciben una Medalla de Honor, y los estados son públicos.
jury-publish = Publicar los resultados
jury-published = Los resultados están publicados.
jury-not-closed = Cierre primero la votación.
jury-no-ballots = No hay papeletas ni candidaturas de la lista corta que contar.
jury-method = Elija un método: Schulze, Borda o segunda vuelta instantánea.
scores-report = El informe del comité (CSV, todas las evaluaciones detrás de cada puesto)
what-snapshot = instantánea de las puntuaciones

## Lista larga y lista corta, informes del comité y del jurado
lists-title = Lista larga y lista corta
lists-kind-long_list = Lista larga
lists-kind-shortlist = Lista corta
lists-size = Como máximo { $count } candidaturas: cada miembro aprueba hasta { $count }.
lists-rule = Cómo se propone la lista: primero las candidaturas con más aprobaciones; a igualdad de aprobaciones decide el orden de la instantánea de puntuaciones con la que se abrió la votación; una candidatura que nadie aprobó no se propone; no se cuenta la aprobación de una candidatura con la que el miembro tiene un conflicto de intereses.
lists-no-long-list = Esta edición no tiene lista larga: la lista corta se elige entre las candidaturas válidas.
lists-no-snapshot = Congele primero las puntuaciones: los candidatos se ordenan según la última instantánea de puntuaciones.
lists-candidates = { $count ->
    [one] { $count } candidato por ahora.
   *[other] { $count } candidatos por ahora.
}
lists-open = Abrir la votación sobre esta lista
lists-open-now = La votación está abierta.
lists-voters = Miembros que han votado: { $count } / { $total }
lists-close-confirm = Cerrar la votación: se cuentan las aprobaciones y ningún miembro puede votar después.
lists-close = Cerrar la votación
lists-reopen-confirm = Reabrir la votación: se descarta esta propuesta, los miembros pueden cambiar sus aprobaciones y la votación se vuelve a contar al cerrarla.
lists-reopen = Reabrir la votación
lists-proposal-intro = Las aprobaciones proponen las candidaturas marcadas. Desmarque una candidatura para sacarla de la lista, marque otra para incluirla; indique un motivo para cada candidatura que mueva.
lists-approvals = Aprobaciones
lists-snapshot-place = Puesto en las puntuaciones
lists-on-list = En la lista
lists-reason = Motivo del cambio
lists-tie = Estas candidaturas tenían las mismas aprobaciones en el corte; decidió el orden de la instantánea de puntuaciones:
lists-excluded = { $count ->
    [one] { $count } aprobación no se contó: conflicto de intereses.
   *[other] { $count } aprobaciones no se contaron: conflicto de intereses.
}
lists-confirm-confirm = Confirmar la lista: los estados de las candidaturas cambian ahora y la biblioteca pública se actualiza.
lists-confirm = Confirmar la lista
lists-confirmed = La lista está confirmada.
lists-error-exists = Esta lista ya tiene su votación.
lists-error-shortlist-started = La votación sobre la lista corta ha comenzado: ya no se puede abrir la lista larga.
lists-error-long-list-first = Confirme primero la lista larga: la lista corta se elige de ella.
lists-error-closed = La votación sobre esta lista está cerrada.
lists-error-still-open = Cierre primero la votación.
lists-error-still-confirm = La votación está cerrada; la Secretaría aún no ha confirmado la lista.
lists-error-confirmed = Esta lista ya está confirmada.
lists-error-no-longer-candidate = «{ $title }» ya no es candidata (su estado es ahora { $status }); no se ha cambiado nada.
lists-error-not-opened = La votación sobre esta lista no se ha abierto.
lists-error-no-candidates = Ninguna candidatura puede ser candidata para esta lista todavía.
lists-error-no-long-list = Esta edición no tiene lista larga.
lists-error-stranger = Una candidatura marcada no es candidata de esta lista.
lists-error-no-reason = Indique un motivo para mover «{ $title }».
lists-error-empty = La lista no puede estar vacía.
lists-error-too-many = La lista admite como máximo { $max } candidaturas; hay { $count } marcadas.
lists-error-not-approvable = Solo puede aprobar candidatas de esta lista, y nunca una candidatura con la que tenga un conflicto de intereses.
lists-error-too-many-approvals = Puede aprobar como máximo { $max } candidaturas; ha marcado { $count }.
lists-member-title = Votaciones sobre la lista larga y la lista corta
lists-member-intro = Marque las candidaturas que aprueba para esta lista: hasta { $count }. Puede cambiar su papeleta hasta el cierre de la votación. Su papeleta queda registrada y aparece en el informe del comité una vez confirmada la lista.
lists-member-cast = Registrar mis aprobaciones
lists-member-voted = Su papeleta está registrada ({ $count } aprobadas). Puede cambiarla hasta el cierre de la votación.
lists-member-left-out = { $count ->
    [one] { $count } candidatura no está en su papeleta: tiene un conflicto de intereses con ella.
   *[other] { $count } candidaturas no están en su papeleta: tiene un conflicto de intereses con ellas.
}
lists-member-none = No hay ninguna votación sobre una lista abierta para su comité.
review-lists-link = Votaciones sobre la lista larga y la lista corta
what-list = lista
report-title = Informe del comité
report-intro = Cada decisión del Comité Técnico con lo que la justifica: las votaciones sobre la lista larga y la lista corta con la papeleta de cada miembro, y cada puesto de la clasificación con las evaluaciones que lo sustentan.
report-decisions = Decisiones sobre las listas
report-no-decisions = Todavía no se ha abierto ninguna votación sobre una lista.
report-ballots = La papeleta de cada miembro
report-no-ballots = Ningún miembro votó.
report-approved-none = ninguna aprobada
report-not-counted = no contada: conflicto de intereses
report-ballots-later = La papeleta de cada miembro aparece aquí una vez confirmada la lista.
report-ranking = La clasificación sobre la última instantánea de puntuaciones, con cada evaluación
report-confidence = Confianza
report-html-link = El informe del comité (página web, con las decisiones sobre las listas)
jury-report-title = Informe del jurado
jury-report-link = El informe del jurado (página web y CSV)
jury-report-csv = El informe del jurado en CSV
jury-report-sealed = Las papeletas siguen selladas hasta el cierre de la votación.
jury-report-result = Resultado
jury-report-decided = Decidido por el método { $method }.
jury-report-tied-with = Empatada con
jury-report-tie-rule = La regla de desempate: cuando el método no puede ordenar candidaturas, decide el orden de la lista corta (primero el número de candidatura más bajo). Está fijada de antemano y no deja nada al azar; los empates se muestran para que el jurado pueda resolverlos.
jury-report-tie-rule-short = desempatado por el orden de la lista corta (primero el número de candidatura más bajo)
jury-report-cut-splits-tie = El corte de los ganadores cae dentro de un empate: la regla de desempate decidió quién ganó.
jury-report-ballots = La clasificación de cada miembro
jury-report-unranked = sin clasificar
jury-report-methods = El recuento por cada método (puestos; los empatados comparten puesto)
jury-report-borda-points = Puntos Borda
jury-report-pairwise = Schulze: cuántos miembros clasificaron la candidatura de la fila por delante de la de la columna
jury-report-paths = Schulze: fuerza del camino más fuerte de la candidatura de la fila a la de la columna
what-jury-result = resultado de la votación del jurado
