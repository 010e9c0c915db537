"""The widgets of the main window: layout and signal wiring over the item models."""
