"""One module per channel: how its messages arrive (webhook handshakes, signatures,
payload shapes, feeds, files) and become `MentionIn`. Outgoing replies go through the same
modules (`x.send_reply`, `facebook.send_comment`), so each keeps everything about its platform."""
