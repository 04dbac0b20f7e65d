using System;
using System.IO;
using CanIds.Fpga.Sim;
using CanIds.Model.Export;
using CanIds.Model.Hardware;
using CanIds.Model.Integer;

namespace CanIds.Hil.Replay
{
    /// <summary>
    /// The simulated FPGA a model runs on, chosen as a user's board would be: the prebuilt simulator of the shipped
    /// bitstream (fpga/gen) whenever the model fits its family, which is every model trained with the default shape;
    /// otherwise the model's own family, exported and Verilated on the spot (a new bitstream on a real board).
    /// </summary>
    public sealed class SimulatedFpga
    {
        private SimulatedFpga(HardwareConfig family, string library, string? rebuiltBecause)
        {
            Family = family;
            Library = library;
            RebuiltBecause = rebuiltBecause;
        }

        /// <summary>The family the simulator was built for: weight images are packed for it.</summary>
        public HardwareConfig Family { get; }

        /// <summary>The simulator library (the shipped configuration, EMIT_ACC=0).</summary>
        public string Library { get; }

        /// <summary>Null when the prebuilt simulator runs the model; else why it had to be rebuilt.</summary>
        public string? RebuiltBecause { get; }

        /// <summary>One line for a report: which simulator, and why.</summary>
        public string Description => RebuiltBecause == null
            ? $"the prebuilt simulator of fpga/gen (family {Family.ConfigId:x8}: the model fits it, no rebuild)"
            : $"a simulator Verilated for the model's own family {Family.ConfigId:x8}, because {RebuiltBecause}";

        /// <summary>
        /// The simulator for <paramref name="model"/>: the prebuilt one when the model fits <see cref="HardwareConfig.Shipped"/>,
        /// else one built under <paramref name="workDir"/> (rtl/ and sim/), which takes verilator a minute or two.
        /// </summary>
        public static SimulatedFpga For(IntegerModel model, string workDir)
        {
            var why = HardwareConfig.Shipped.Misfit(model);
            if (why == null)
            {
                if (!RtlSimulator.IsAvailable(out var missing)) throw new InvalidOperationException(missing);
                return new SimulatedFpga(HardwareConfig.Shipped, RtlSimulator.ShippedLibraryPath, null);
            }

            var family = HardwareConfig.For(model);
            var rtl = Path.Combine(workDir, "rtl");
            RtlExport.Write(rtl, model, family);
            return new SimulatedFpga(family, RtlSimulator.Build(rtl, Path.Combine(workDir, "sim")), $"the model does not fit the shipped family: {why}");
        }

        /// <summary>A powered-up FPGA of this simulator.</summary>
        public RtlSimulator Create() => new(Library, null);
    }
}
