"""The demo: its content as data files (data/*.yaml) and the loaders that put it in a database.

The top layer: it may import any app, and no app imports it.
"""
