"""The relationship work as rules: follow-ups, nudges, referrals, small acts, insights."""
