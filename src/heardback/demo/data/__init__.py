"""The demo's content as data files, loaded and checked by heardback.demo.content."""
