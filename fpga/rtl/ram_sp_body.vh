// Body of ram_sp, included once per RAM style (the attribute must sit on the declaration).
integer lane;
always @(posedge clk) begin
    if (we) begin
        for (lane = 0; lane < LANES; lane = lane + 1)
            if (lane_we[lane]) mem[addr][lane*8 +: 8] <= wdata;
    end else begin
        rdata <= mem[addr];
    end
end
