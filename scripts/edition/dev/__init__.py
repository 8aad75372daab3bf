"""Tools for developing and testing the edition: the local server, the headless browser."""
