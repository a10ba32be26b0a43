"""The Qt window: views, item models, dialogs. Talks to services only, never to storage."""
