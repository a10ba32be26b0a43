"""Follow-ups, cadences, nudges, referrals, small acts, the agenda and insights."""
