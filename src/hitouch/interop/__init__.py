"""Contacts files in and out; import from hitouch.interop.contacts_io."""
