"""In-app notifications for every domain: a row per recipient, an unread counter on the account."""
