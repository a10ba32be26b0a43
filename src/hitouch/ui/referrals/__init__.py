"""The referrals screens of the window."""
