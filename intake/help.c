/* The explanations of `intake help COMMAND` (intake/help.h): what the
 * command is for, what to watch, an example.  docs/intake.1 says the
 * rest; each text ends with a newline, marked N_() and shown translated. */
#include "intake/help.h"

#include <string.h>

#include "util/intl.h"

static const struct {
    const char *name, *text;
} help[] = {
    { "init",
      N_("Creates the encrypted store and this device's keys. It asks for a new\n"
      "passphrase (a weak one is refused before it is asked a second time), then\n"
      "prints the recovery key once: write it on paper, keep it apart from the\n"
      "device. --label is what contacts see on this store's card. A store kept\n"
      "under a neutral folder name is made with the global --home.\n"
      "\n"
      "Example:\n"
      "  intake --home ~/Persistent/notes init --label \"Field laptop\" --locale ko\n") },
    { "passwd",
      N_("Changes the passphrase: the old one (or with --recovery, the recovery key),\n"
      "then the new one, twice. Only the keyslot file changes; a failure leaves\n"
      "the old passphrase working. Use rekey instead when a copy of the store or\n"
      "the recovery key may be in other hands.\n"
      "\n"
      "Example:\n"
      "  intake --recovery passwd        # the passphrase is lost\n") },
    { "rekey",
      N_("Re-encrypts the whole store under a new key, with a new passphrase and a new\n"
      "recovery key (shown once): old copies of the keyslot file and the old\n"
      "recovery key open nothing afterwards. It needs the store to itself.\n"
      "\n"
      "Example:\n"
      "  intake rekey                    # after a border search\n") },
    { "label",
      N_("Changes the label this store's card shows to contacts; logged. Contacts\n"
      "keep the card they added until they add the new one.\n"
      "\n"
      "Example:\n"
      "  intake label \"Field laptop 2\"\n") },
    { "subject",
      N_("A subject is a person interviewed, known in records only by a pseudonym.\n"
      "add registers every spelling of their real name (--name, once per form)\n"
      "and the terms that identify them (--term CATEGORY:TEXT); it prints the\n"
      "pseudonym. A pseudonym is found whatever its case; two that differ only by\n"
      "case, spaces or hyphens are refused. list and show hide real names unless\n"
      "--reveal; forget deletes a subject and all their records for good.\n"
      "\n"
      "Example:\n"
      "  intake subject add --name 김종수 --name \"Kim Jong-su\" --term place:Chongjin\n"
      "  intake subject show rim-il --reveal\n") },
    { "record",
      N_("Records a testimony for the subject with PSEUDONYM and prints its id. The\n"
      "passphrase, the pseudonym and every option are checked before the body is\n"
      "read, from --file or standard input (in the shell: the lines up to one\n"
      "holding only '.'). edit changes fields or the body of a record (the old\n"
      "text does not survive; its version grows); delete removes one record.\n"
      "\n"
      "Examples:\n"
      "  intake record Rim-il --title \"Crossing\" --date 2024-03-02 --tag border < notes.txt\n"
      "  intake record edit yanj4hc6 --title \"Crossing, second part\"\n") },
    { "list",
      N_("Lists the records, oldest first: id, date, pseudonym, title (with a header\n"
      "line on a terminal, data only in a pipe). Wherever a record id is asked\n"
      "for, a unique start of it (4 characters at least) will do.\n"
      "\n"
      "Example:\n"
      "  intake list --subject rim-il --tag border\n") },
    { "search",
      N_("Finds the records whose words hold the words typed (titles, bodies, places,\n"
      "tags; hyphenated names, phone numbers, Korean words with their particles)\n"
      "and lists them as list does; \"a phrase\" in quotes stays a phrase; --raw\n"
      "takes SQLite FTS4 syntax as it is.\n"
      "\n"
      "Example:\n"
      "  intake search Jong-su\n") },
    { "show",
      N_("Shows one whole record: its fields, body, attachments and, for an imported\n"
      "one, where it came from. ID may be a unique start of the id.\n"
      "\n"
      "Example:\n"
      "  intake show yanj4hc6\n") },
    { "term",
      N_("Protected terms are store-wide words that must never leave the device:\n"
      "places, employers, organisations, ids. A term is written CATEGORY:TEXT\n"
      "everywhere (term add, subject term, subject add --term); categories:\n"
      "person, place, employer, organisation, id, other, account (bank account\n"
      "and card numbers). remove takes the ID that term list shows.\n"
      "\n"
      "Example:\n"
      "  intake term add place:Hoeryong\n"
      "  intake term remove 3\n") },
    { "allow",
      N_("Records that a text flagged for review (a name-like word in no list) is no\n"
      "name to protect. Dated, and shown to auditors.\n"
      "\n"
      "Example:\n"
      "  intake allow \"Mr Smith\"\n") },
    { "consent",
      N_("Records what a subject consented to, dated; options not given keep their\n"
      "values. Records leave the device only with --export yes, no withdrawal and\n"
      "no embargo running.\n"
      "\n"
      "Example:\n"
      "  intake consent Rim-il --export yes --quote no --method verbal --embargo 2025-01-01\n") },
    { "redact",
      N_("Shows a record exactly as it would leave the device, and exits 1 while it\n"
      "may not leave (no consent, an embargo, unresolved review flags, a contact\n"
      "that refuses it for good), exactly when export would refuse it: give it\n"
      "export's --to, --exact-dates and --keep-metadata to ask about that export.\n"
      "--diff --reveal shows original and redacted side by side, on a terminal\n"
      "only.\n"
      "\n"
      "Example:\n"
      "  intake redact yanj4hc6 --report\n"
      "  intake redact yanj4hc6 --to hq --json\n") },
    { "attach",
      N_("Stores a file (audio, photo, document) with a record, inside the encrypted\n"
      "store. --remove-source deletes the original once the stored copy is\n"
      "checked. Large files show their progress on a terminal.\n"
      "\n"
      "Example:\n"
      "  intake attach yanj4hc6 memo.ogg --remove-source\n") },
    { "attachment",
      N_("get writes an attachment back out to a new file (never over an existing\n"
      "one); remove deletes one attachment of a record, logged.\n"
      "\n"
      "Example:\n"
      "  intake attachment get yanj4hc6 memo.ogg -o /media/usb/memo.ogg\n") },
    { "exports",
      N_("Lists each export, newest first: when, to whom, which records, the\n"
      "bundle's hash and size; never its content. show ID says where a record\n"
      "was sent.\n"
      "\n"
      "Example:\n"
      "  intake exports --json\n") },
    { "notify",
      N_("Writes a bundle with no records that tells contacts of each withdrawal,\n"
      "deletion or consent change of what they received (the notices 'intake\n"
      "exports' lists), sealed and signed like an export: they are then sent,\n"
      "not yet acknowledged. Every export to them carries these notices too.\n"
      "\n"
      "Example:\n"
      "  intake notify --to hq -o notices.bundle\n") },
    { "backup",
      N_("Writes a consistent copy of the whole store (database and keyslots) to a\n"
      "new file, as safe as the store: it opens only with the same passphrase or\n"
      "recovery key. It is read back and checked before success is reported.\n"
      "\n"
      "Example:\n"
      "  intake backup -o /media/usb/notes.backup\n") },
    { "restore",
      N_("Makes a store from a backup, asking for its passphrase (or --recovery\n"
      "key); it never replaces an existing store: give a new folder with --home.\n"
      "\n"
      "Example:\n"
      "  intake restore /media/usb/notes.backup --home ~/Persistent/notes\n") },
    { "wipe",
      N_("Makes the store unreadable at once (the keyslot file is overwritten and\n"
      "synced first), then removes its files. There is no undo; flash storage\n"
      "may keep old blocks (SECURITY.md).\n"
      "\n"
      "Example:\n"
      "  intake wipe --yes\n") },
    { "export",
      N_("Redacts the records chosen, seals them to the contacts named and signs\n"
      "them: only those contacts can open the bundle. It stops on records that\n"
      "may not leave (--skip-blocked leaves them out). Without -o the file is\n"
      "named after its hash; --armor makes text for a messenger, and with -o -\n"
      "it goes to standard output.\n"
      "\n"
      "Examples:\n"
      "  intake export --to hq,ethics --all -o field.bundle\n"
      "  intake export --to hq yanj4hc6 --armor -o -     # text to paste into a messenger\n") },
    { "import",
      N_("Verifies a bundle addressed to this store and adds its records under the\n"
      "sender's pseudonyms (PSEUDONYM@KEY). A sender who is no contact is refused\n"
      "unless --accept-unknown-sender. An auditor's statement (audit --attest)\n"
      "is imported too: its signer must be a contact and its bundle imported here.\n"
      "\n"
      "Example:\n"
      "  intake import field.bundle\n") },
    { "open",
      N_("Verifies and decrypts a bundle without importing it, and says whether its\n"
      "sender is a verified contact. Nothing is shown before the signature checks\n"
      "out; -o DIR writes a new folder of Markdown, JSON and the attachments.\n"
      "\n"
      "Example:\n"
      "  intake open field.bundle -o field\n") },
    { "card",
      N_("Prints this store's contact card (one line: a label and two public keys),\n"
      "or draws it as a QR code for a phone camera. -o - sends the image to\n"
      "standard output.\n"
      "\n"
      "Example:\n"
      "  intake card --qr term\n"
      "  intake card --qr svg -o - > card.svg\n") },
    { "contact",
      N_("The stores you exchange bundles with. add takes a card, typed or scanned\n"
      "from a photo of its QR code. verify prints the safety number both sides\n"
      "compare: a --scan of the other screen's QR code that matches marks the\n"
      "contact verified, and so does --confirm once you type the last group of\n"
      "the number the other screen shows.\n"
      "\n"
      "Example:\n"
      "  intake contact add hq --scan hq.jpg\n"
      "  intake contact verify hq --confirm\n") },
    { "audit",
      N_("Checks a bundle addressed to this store without importing it: origin\n"
      "(signature, sender), consistency with its redaction manifest, residual\n"
      "terms and detectors, re-identification risk. Exit 1 on FAIL (or WARN with\n"
      "--strict). A bundle not addressed to this store cannot be audited: ask\n"
      "the sender to export it again with this store among the recipients.\n"
      "--attest -o FILE also writes a statement signed by this store: the bundle\n"
      "hash, the verdict, the day and a digest of the report, for headquarters.\n"
      "\n"
      "Example:\n"
      "  intake audit field.bundle --strict\n") },
    { "log",
      N_("Lists the store's hash-chained log of changes (never a name or any\n"
      "content), or checks that no entry was altered, removed or moved.\n"
      "\n"
      "Example:\n"
      "  intake log --verify\n") },
    { "shell",
      N_("Unlocks the store once, then runs the commands typed at its prompt (or read\n"
      "from a pipe), each as on the command line: same options, messages and exit\n"
      "status. Words are quoted as in a shell ('...', \"...\", \\), with no\n"
      "expansion. A testimony ends with a line holding only '.'. After\n"
      "--lock-after minutes without input (default 5) the key is wiped and the\n"
      "passphrase asked again. exit or Ctrl-D leaves; nothing typed is kept in\n"
      "any history. init, passwd, rekey and shell run outside it.\n"
      "\n"
      "Example:\n"
      "  intake shell --lock-after 15\n"
      "  intake> record rim-il --title \"Second visit\"\n") },
};

void help_explain(FILE *f, const char *name)
{
    for (size_t i = 0; i < sizeof help / sizeof help[0]; i++)
        if (strcmp(help[i].name, name) == 0)
            fprintf(f, "\n%s", _(help[i].text));
}
