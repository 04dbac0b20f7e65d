using System;
using System.Globalization;

namespace CanIds.Hil.Replay
{
    /// <summary>
    /// How replay turns work into time. FPGA side, measured: the RTL runs at <see cref="FpgaMhz"/> and SCLK is
    /// f_clk / (2 × half period), so every transferred bit and every pipeline cycle is simulated. MCU side, stated (no
    /// STM32 runs here): each SPI transfer costs <see cref="McuTransferUs"/> of call and chip-select overhead plus
    /// <see cref="McuWindowUs"/> per window it carries (dequeue, window update, packing, bookkeeping).
    /// </summary>
    public sealed record LinkTimingModel
    {
        /// <summary>FPGA core clock, MHz.</summary>
        public double FpgaMhz { get; init; } = 100;

        /// <summary>Requested SPI clock, MHz (the nearest f_clk / 2k not above it, k ≥ 4, is used).</summary>
        public double SpiMhz { get; init; } = 10;

        /// <summary>MCU time per SPI transfer (call, DMA set-up, chip select), µs.</summary>
        public double McuTransferUs { get; init; } = 30;

        /// <summary>MCU time per window pushed (receive, window update, packing), µs.</summary>
        public double McuWindowUs { get; init; } = 20;

        /// <summary>Core cycles per half SCLK period.</summary>
        public int HalfPeriod => Math.Max(4, (int)Math.Ceiling(FpgaMhz / (2 * SpiMhz) - 1e-9));

        /// <summary>The SPI clock actually used, MHz.</summary>
        public double ActualSpiMhz => FpgaMhz / (2.0 * HalfPeriod);

        /// <summary>Refuses figures that cannot be right.</summary>
        public void Validate()
        {
            if (!(FpgaMhz > 0)) throw new ArgumentException($"--fpga-mhz {FpgaMhz}: expected a positive clock");
            if (!(SpiMhz > 0)) throw new ArgumentException($"--spi-mhz {SpiMhz}: expected a positive clock");
            if (McuTransferUs < 0 || McuWindowUs < 0) throw new ArgumentException("MCU costs must not be negative");
        }

        /// <summary>One line for reports.</summary>
        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"FPGA {FpgaMhz:0.##} MHz, SPI {ActualSpiMhz:0.###} MHz (f_clk/{2 * HalfPeriod}); MCU model: {McuTransferUs:0.##} µs per transfer + {McuWindowUs:0.##} µs per window");
    }
}
