"""What goes in and out of the API: `<Entity>In` bodies, `<Entity>Out` answers, filters."""
