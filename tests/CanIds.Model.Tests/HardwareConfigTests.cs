using System.Linq;
using CanIds.Model.Hardware;
using CanIds.TestSupport;
using Xunit;

namespace CanIds.Model.Tests
{
    /// <summary>Default folding meets its cycle target cheaply; the config id tells shapes and foldings apart.</summary>
    public class HardwareConfigTests
    {
        [Theory]
        [InlineData(1024)]
        [InlineData(2000)]
        [InlineData(4096)]
        [InlineData(256)]
        public void DefaultFoldingMeetsTheTargetWithValidFactors(int target)
        {
            var model = TestModels.Random(1);
            var hw = HardwareConfig.For(model, target);
            Assert.All(hw.Layers, l =>
            {
                Assert.Equal(0, l.Outputs % l.Pe);
                Assert.Equal(0, l.Inputs % l.Simd);
                Assert.True(l.Cycles <= target || (l.Pe == l.Outputs && l.Simd == l.Inputs), $"{l.Folding}: {l.Cycles} cycles");
            });
            Assert.True(hw.InitiationInterval <= target);
        }

        [Fact]
        public void ThePapersNetworkAt1024CyclesUsesOnePePerLayer()
        {
            var hw = HardwareConfig.For(TestModels.Random(1));
            Assert.Equal("1×10 1×32 1×8 1×2 1×1", hw.FoldingText);
            Assert.Equal(1024, hw.InitiationInterval);
            Assert.Equal(new[] { 15, 11, 10, 9, 8 }, hw.Layers.Select(l => l.AccumulatorBits).ToArray());
        }

        [Fact]
        public void ConfigIdChangesWithShapeAndFoldingButNotWithWeights()
        {
            var a = HardwareConfig.For(TestModels.Random(1));
            var b = HardwareConfig.For(TestModels.Random(2));
            var c = HardwareConfig.For(TestModels.Random(1), 2048);
            var d = HardwareConfig.For(TestModels.Random(1, hidden: [256, 128, 64, 16]));
            Assert.Equal(a.ConfigId, b.ConfigId);
            Assert.NotEqual(a.ConfigId, c.ConfigId);
            Assert.NotEqual(a.ConfigId, d.ConfigId);
        }
    }
}
