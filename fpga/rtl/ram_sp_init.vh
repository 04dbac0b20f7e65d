// Bank 0 of an ram_sp memory from INIT_FILE (the model the bitstream boots with).
initial begin
    if (INIT_FILE != "") $readmemh(INIT_FILE, mem, 0, DEPTH / 2 - 1);
end
