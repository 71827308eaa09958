"""The deliver stage: the newsletter to its subscribers, through SMTP, at most once each.

    addresses.py  the one check of an e-mail address
    smtp.py       smtplib: connect, STARTTLS, login, one transaction per recipient
    send.py       the send loop over the ledger (``store/ledger.py``), and the one-send-per-store lock
    schedule.py   when the daily (and weekly) edition is due
"""
