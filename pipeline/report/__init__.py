"""The data-QA report for Bagian Hukum (HTML, Bahasa Indonesia)."""
