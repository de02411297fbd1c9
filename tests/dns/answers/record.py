#!/usr/bin/env python3
"""Records the DNS answers the unit tests of src/dns/message.rs decode.

Run with the test DNS stack up (knot + dnsdist from tests/dns, as `cargo xtask test` starts
them), passing the DoH URL:  python3 tests/dns/answers/record.py http://127.0.0.1:PORT/dns-query
"""
import base64, pathlib, struct, sys, urllib.request

TYPES = {"A": 1, "CNAME": 5, "MX": 15, "TXT": 16}
CASES = [
    ("contoso-m365-txt", "contoso-m365.example", "TXT"),
    ("multi-string-txt", "multi-string.example", "TXT"),
    ("acme-google-mx", "acme-google.example", "MX"),
    ("selector1-cname", "selector1._domainkey.contoso-m365.example", "CNAME"),
    ("nothing-here-txt", "nothing-here.example", "TXT"),
    ("no-dmarc-dmarc-txt", "_dmarc.no-dmarc.example", "TXT"),
    ("mail-no-dmarc-txt", "mail.no-dmarc.example", "TXT"),
    ("servfail", "servfail.example", "TXT"),
]

def query(name, rtype):
    header = struct.pack(">HHHHHH", 0, 0x0100, 1, 0, 0, 0)
    labels = b"".join(bytes([len(l)]) + l.encode() for l in name.split(".")) + b"\0"
    return header + labels + struct.pack(">HH", TYPES[rtype], 1)

def main(url):
    out = pathlib.Path(__file__).parent
    for file, name, rtype in CASES:
        dns = base64.urlsafe_b64encode(query(name, rtype)).rstrip(b"=").decode()
        request = urllib.request.Request(f"{url}?dns={dns}", headers={"accept": "application/dns-message"})
        with urllib.request.urlopen(request) as response:
            (out / f"{file}.bin").write_bytes(response.read())
        print(file)

if __name__ == "__main__":
    main(sys.argv[1])
