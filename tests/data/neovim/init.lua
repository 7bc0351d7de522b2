-- A tiny Neovim configuration (0.7 and later) that attaches `agenda lsp` to *.agenda files, for
-- tests/test_neovim.py. start_client and buf_attach_client are what 0.7 has; vim.lsp.start
-- (docs/editors.md) is the same in one call from 0.8 on. The test passes the server's command
-- and where to write what the editor saw in environment variables.
local client_id = vim.lsp.start_client({
  name = "agendadsl",
  cmd = { vim.env.AGENDA_LSP_PYTHON, "-m", "agendadsl", "lsp" },
  root_dir = vim.fn.getcwd(),
})

vim.api.nvim_create_autocmd({ "BufReadPost", "BufNewFile" }, {
  pattern = "*.agenda",
  callback = function(args) vim.lsp.buf_attach_client(args.buf, client_id) end,
})

-- Wait for the current buffer's diagnostics, write them one a line ("code line", 1-based), quit.
function AgendaReport()
  local buffer = vim.api.nvim_get_current_buf()
  vim.wait(20000, function() return #vim.diagnostic.get(buffer) > 0 end, 50)
  local lines = {}
  for _, d in ipairs(vim.diagnostic.get(buffer)) do
    table.insert(lines, string.format("%s %d", d.code, d.lnum + 1))
  end
  vim.fn.writefile(lines, vim.env.AGENDA_NVIM_OUT)
  vim.cmd("qall!")
end
