using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CanIds.Core;
using CanIds.Model.Hardware;
using CanIds.Model.Inference;
using CanIds.Model.Integer;
using CanIds.TestSupport;
using CanIds.Traffic.Windows;
using Xunit;

namespace CanIds.Fpga.Tests
{
    /// <summary>The model the RTL is built with (fpga/gen, from models/), and held-out traffic of every attack.</summary>
    public sealed class RtlFixture
    {
        public const string DefaultModel = "models/cqmlp-carhacking.model.json";

        public RtlFixture()
        {
            Model = ModelFile.Load(Path.Combine(TestPaths.Root, DefaultModel));
            Windows = TestModels.Traffic(45, seed: 909, allAttacks: true);
        }

        public IntegerModel Model { get; }

        /// <summary>The family the simulator was built for, read from fpga/gen.</summary>
        public HardwareConfig Family { get; } = HardwareConfig.FromRtlParams(Path.Combine(TestPaths.Gen, "cqmlp_params.vh"));

        /// <summary>Every frame's window from the start of the traffic (what the FPGA builds when the frames are pushed from frame 0 after a reset).</summary>
        public WindowSet Windows { get; }

        /// <summary>Frames in the traffic.</summary>
        public int Frames => Windows.Count;

        /// <summary>Frame <paramref name="i"/>'s 10-byte record: the newest row of its window.</summary>
        public byte[] Record(int i) => Windows.Input(i)[^InputFormat.BytesPerFrame..].ToArray();

        /// <summary>The records of frames [first, first + count).</summary>
        public byte[][] Records(int first, int count) => Enumerable.Range(first, count).Select(Record).ToArray();

        /// <summary>
        /// What <paramref name="model"/> makes of the frames <paramref name="pushed"/>, in the order they were pushed
        /// after a reset (the window starts empty): class and final accumulators of each, as many as the family's
        /// output neurons.
        /// </summary>
        public (int Class, int[] Accumulators)[] Reference(IntegerModel model, IEnumerable<int> pushed)
        {
            var window = new byte[model.InputLength];
            var inference = new ReferenceInference(model);
            var result = new List<(int, int[])>();
            foreach (int i in pushed)
            {
                Array.Copy(window, InputFormat.BytesPerFrame, window, 0, window.Length - InputFormat.BytesPerFrame);
                Record(i).CopyTo(window, window.Length - InputFormat.BytesPerFrame);
                int cls = inference.Classify(window);
                // The family's output layer has MaxClasses neurons; those past the model's have zero weights.
                var accumulators = new int[Math.Max(HardwareConfig.MaxClasses, model.Classes.Count)];
                inference.Accumulators.CopyTo(accumulators);
                result.Add((cls, accumulators));
            }

            return result.ToArray();
        }
    }

    [CollectionDefinition("rtl")]
    public sealed class RtlCollection : ICollectionFixture<RtlFixture>
    {
    }
}
