"""Word lists for the furniture classifier: function words, and the vocabulary of web pages.

Function words (Swedish and English) mark text written as sentences; their share is jusText's
main signal. The interface words are what any web page or document viewer puts around its
content in Swedish or English (navigation, sharing, reading aloud, downloading, contact and
opening-hours boxes, cookie and personal-data notices, feedback forms, dates of publication).
They are general: none is taken from one site. Matching is by whole lower-cased token.
"""

from __future__ import annotations

FUNCTION_WORDS = frozenset(
    """
    och i att det som en på är av för med till den har de inte om ett men var sig från vi så
    kan man när eller där vid mot ska skall blir får alla andra då detta dessa denna vara varit
    ha hade hur än oss vår våra vårt er ert era sitt sin sina dem deras här in ut upp något
    några någon inga ingen vilka vilken vilket även samt bör kunna kunde mer sedan skulle ni
    du dig din ditt dina mig min mitt mina också genom under efter inom utan över mellan både
    bland enligt hos kring inför per såsom sådan sådana vars dock därför eftersom samtidigt
    the a an of to in on for and or is are be by with what who which how when where why
    does do did our we us it its this that these those there their they can should must
    i me my you your about any from as at has have had not no if then than so will would
    been being was were also into through between each all other such may shall
    """.split()
)

UI_WORDS = frozenset(
    """
    startsida startsidan hem meny menyn huvudmeny huvudmenyn huvudnavigering navigering
    hoppa innehåll innehållet sök sökning sökresultat webbplats webbplatsen webbplatser
    webbplatsdirekt sida sidan sidans tillbaka toppen läs föregående nästa
    lyssna talsyntes dela tipsa skriv skriva skrivut utskrift spara visa helskärm zooma
    ladda ner nedladdning download transkript transcript storlek visning visningen starta
    öppna logga inloggning e-tjänst e-tjänsten e-tjänster
    kontakt kontakta kontaktar kontaktinformation kontaktuppgifter kontaktformulär
    telefon telefonnummer tel tfn mobil mobiltelefon växel fax e-post e-postadress epost
    postadress besöksadress adress öppettider telefontider kl
    måndag tisdag onsdag torsdag fredag lördag söndag
    måndag-torsdag måndag-fredag måndag–torsdag måndag–fredag
    senast uppdaterad uppdaterades publicerad publicerades ändrad granskad sidansvarig
    kakor cookies cookie godkänn acceptera personuppgifter personuppgifterna gdpr
    synpunkt synpunkter formulär formuläret skickar skicka skickas meddelande meddelandet
    obligatorisk facebook instagram twitter linkedin youtube sociala medier
    logotyp karta kartalänk fönster öppnas pdf word png jpg jpeg txt docx kb mb px
    home menu skip main content page navigation search share print listen save fullscreen
    zoom loading copied results found login sign accept privacy feedback contact phone
    email updated published previous next back top read more full text related documents
    references protected
    """.split()
)
