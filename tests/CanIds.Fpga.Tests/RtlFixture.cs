using System;
using System.IO;
using System.Linq;
using CanIds.Model.Integer;
using CanIds.TestSupport;
using CanIds.Traffic.Windows;
using Xunit;

namespace CanIds.Fpga.Tests
{
    /// <summary>The model the RTL is built with (fpga/gen, from models/), and held-out windows of every attack.</summary>
    public sealed class RtlFixture
    {
        public const string DefaultModel = "models/cqmlp-carhacking.model.json";

        public RtlFixture()
        {
            Model = ModelFile.Load(Path.Combine(TestPaths.Root, DefaultModel));
            Windows = TestModels.Traffic(45, seed: 909, allAttacks: true);
        }

        public IntegerModel Model { get; }

        public WindowSet Windows { get; }

        public byte[] Input(int i) => Windows.Input(i).ToArray();
    }

    [CollectionDefinition("rtl")]
    public sealed class RtlCollection : ICollectionFixture<RtlFixture>
    {
    }
}
