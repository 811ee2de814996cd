"""One module per channel: how its messages arrive (webhook handshakes, signatures,
payload shapes, feeds, files) and become `MentionIn`. Outgoing replies will go through
the same modules (the care queue, next), so each keeps everything about its platform."""
