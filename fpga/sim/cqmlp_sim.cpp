// The Verilated accelerator as a shared library with a small C API, for the .NET tests, the firmware-in-the-loop
// replay and the benchmarks (fpga/sim/RtlSimulator.cs binds it). SPI is driven pin by pin here, in C++, because a
// transfer is thousands of clock edges and a call across the managed boundary per edge would dominate.
#include <cstdint>
#include <memory>
#include "Vcqmlp_top.h"
#include "verilated.h"
#include "verilated_fst_c.h"

namespace {
struct Sim {
    std::unique_ptr<VerilatedContext> context;
    std::unique_ptr<Vcqmlp_top> top;
    std::unique_ptr<VerilatedFstC> trace;
    uint64_t cycles = 0;

    void half() {
        top->eval();
        if (trace) trace->dump(context->time());
        context->timeInc(1);
    }
    void tick() {
        top->clk = 0;
        half();
        top->clk = 1;
        half();
        cycles++;
    }
    void run(uint64_t n) {
        for (uint64_t i = 0; i < n; i++) tick();
    }
};
}

extern "C" {

// A new accelerator in reset state; trace_path, when not null or empty, records every signal into an FST file.
void* cqmlp_create(const char* trace_path) {
    auto* sim = new Sim();
    sim->context = std::make_unique<VerilatedContext>();
    sim->context->traceEverOn(trace_path != nullptr && trace_path[0] != 0);
    sim->top = std::make_unique<Vcqmlp_top>(sim->context.get());
    if (trace_path != nullptr && trace_path[0] != 0) {
        sim->trace = std::make_unique<VerilatedFstC>();
        sim->top->trace(sim->trace.get(), 99);
        sim->trace->open(trace_path);
    }
    sim->top->spi_cs_n = 1;
    sim->top->spi_sclk = 0;
    sim->top->spi_mosi = 0;
    sim->top->rst_n = 0;
    sim->run(4);
    sim->top->rst_n = 1;
    sim->run(4);
    return sim;
}

void cqmlp_destroy(void* handle) {
    auto* sim = static_cast<Sim*>(handle);
    if (sim->trace) sim->trace->close();
    sim->top->final();
    delete sim;
}

// Pulls the reset pin low for `cycles` clock cycles (a power-on or board reset), leaving the SPI pins idle.
void cqmlp_reset(void* handle, int cycles) {
    auto* sim = static_cast<Sim*>(handle);
    sim->top->spi_cs_n = 1;
    sim->top->spi_sclk = 0;
    sim->top->rst_n = 0;
    sim->run(cycles > 0 ? cycles : 1);
    sim->top->rst_n = 1;
    sim->run(4);
}

// Runs the core clock for `cycles` cycles with the pins unchanged.
void cqmlp_run(void* handle, uint64_t cycles) { static_cast<Sim*>(handle)->run(cycles); }

// One SPI transfer in mode 0, MSB first: CS low, `length` bytes clocked out of mosi while miso is read, CS high.
// SCLK has a period of 2 x half_period core cycles. With stop_after_bits >= 0 the transfer is cut after that many
// bits (CS released mid-byte, as a broken cable or a reset of the MCU would). Returns the bits clocked.
int cqmlp_spi(void* handle, const uint8_t* mosi, uint8_t* miso, int length, int half_period, int stop_after_bits) {
    auto* sim = static_cast<Sim*>(handle);
    auto* top = sim->top.get();
    if (half_period < 1) half_period = 1;
    int total = length * 8;
    if (stop_after_bits >= 0 && stop_after_bits < total) total = stop_after_bits;
    top->spi_sclk = 0;
    top->spi_cs_n = 0;
    sim->run(half_period);
    int bits = 0;
    for (; bits < total; bits++) {
        int byte = bits / 8, bit = 7 - bits % 8;
        top->spi_sclk = 0;
        top->spi_mosi = (mosi[byte] >> bit) & 1;
        sim->run(half_period);
        if (bit == 7) miso[byte] = 0;
        miso[byte] |= (top->spi_miso & 1) << bit;   // sampled at the rising edge
        top->spi_sclk = 1;
        sim->run(half_period);
    }
    for (int b = (bits + 7) / 8; b < length; b++) miso[b] = 0;
    top->spi_sclk = 0;
    sim->run(half_period);
    top->spi_cs_n = 1;
    sim->run(2 * half_period + 4);
    return bits;
}

uint64_t cqmlp_cycles(void* handle) { return static_cast<Sim*>(handle)->cycles; }

int cqmlp_irq(void* handle) { return static_cast<Sim*>(handle)->top->irq; }

}
