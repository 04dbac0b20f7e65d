using System;
using System.Globalization;

namespace CanIds.Hil.Replay
{
    /// <summary>
    /// How a timed replay turns work into time (docs/hil.md keeps apart what is measured, derived and assumed).
    /// FPGA side, simulated: the RTL runs at <see cref="FpgaMhz"/> and SCLK is f_clk / (2 × half period), so every
    /// transferred bit and every pipeline cycle is simulated. MCU side, derived: the firmware's cost on nanoCLR, measured
    /// on the development host by <c>canids bench firmware</c> (<see cref="HostFrameUs"/>,
    /// <see cref="HostTransferUs"/>), times the stated host-to-board factor <see cref="BoardFactor"/>.
    /// </summary>
    public sealed record LinkTimingModel
    {
        /// <summary>
        /// Measured: nanoCLR CPU µs per frame on the development host (AMD EPYC, 2 cores), from
        /// <c>canids bench firmware</c> (bench.json, case frame).
        /// </summary>
        public const double MeasuredHostFrameUs = 1.93;

        /// <summary>Measured: nanoCLR CPU µs per main-loop round with an SPI transfer on the development host (case "per transfer, nanoCLR", likewise).</summary>
        public const double MeasuredHostTransferUs = 9.85;

        /// <summary>
        /// Assumed: how many times slower a Cortex-M7 at 216 MHz (ST_NUCLEO144_F746ZG) interprets the same code than the
        /// development host: the ratio of single-core CoreMark scores, ≈ 21,000 for the host's core against the 1,082 ST
        /// publishes for the STM32F746 at 216 MHz (docs/hil.md).
        /// </summary>
        public const double DefaultBoardFactor = 20;

        /// <summary>FPGA core clock, MHz.</summary>
        public double FpgaMhz { get; init; } = 100;

        /// <summary>Requested SPI clock, MHz (the nearest f_clk / 2k not above it, k ≥ 4, is used).</summary>
        public double SpiMhz { get; init; } = 10;

        /// <summary>Firmware cost per frame on the host's nanoCLR, µs.</summary>
        public double HostFrameUs { get; init; } = MeasuredHostFrameUs;

        /// <summary>Firmware cost per SPI transfer (a main-loop round with a transfer) on the host's nanoCLR, µs.</summary>
        public double HostTransferUs { get; init; } = MeasuredHostTransferUs;

        /// <summary>Board time per host time for interpreted code.</summary>
        public double BoardFactor { get; init; } = DefaultBoardFactor;

        /// <summary>MCU time per frame on the board, µs (derived).</summary>
        public double McuFrameUs => HostFrameUs * BoardFactor;

        /// <summary>MCU time per transfer on the board, µs (derived).</summary>
        public double McuTransferUs => HostTransferUs * BoardFactor;

        /// <summary>Core cycles per half SCLK period.</summary>
        public int HalfPeriod => Math.Max(4, (int)Math.Ceiling(FpgaMhz / (2 * SpiMhz) - 1e-9));

        /// <summary>The SPI clock actually used, MHz.</summary>
        public double ActualSpiMhz => FpgaMhz / (2.0 * HalfPeriod);

        /// <summary>Refuses figures that cannot be right.</summary>
        public void Validate()
        {
            if (!(FpgaMhz > 0)) throw new ArgumentException($"--fpga-mhz {FpgaMhz}: expected a positive clock");
            if (!(SpiMhz > 0)) throw new ArgumentException($"--spi-mhz {SpiMhz}: expected a positive clock");
            if (!(HostFrameUs >= 0) || !(HostTransferUs >= 0)) throw new ArgumentException("MCU costs must not be negative");
            if (!(BoardFactor > 0)) throw new ArgumentException($"--board-factor {BoardFactor}: expected a positive factor");
        }

        /// <summary>One line for reports.</summary>
        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"FPGA {FpgaMhz:0.##} MHz, SPI {ActualSpiMhz:0.###} MHz (f_clk/{2 * HalfPeriod}); MCU: {HostFrameUs:0.##} µs per frame + {HostTransferUs:0.##} µs per transfer on the host's nanoCLR × {BoardFactor:0.##} = {McuFrameUs:0.#} + {McuTransferUs:0.#} µs on the board");
    }
}
