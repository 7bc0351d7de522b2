"""Small helpers every layer may use: the package's data files, the per-user cache, the pause of
the garbage collector while large trees are built. They import nothing else of agendadsl."""
