using System.IO;
using System.Linq;
using CanIds.TestSupport;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace CanIds.Training.Tests
{
    /// <summary>The quantisers produce the integer codes the hardware stores, at every supported width.</summary>
    [Collection("trained")]
    public class QuantizerTests
    {
        public QuantizerTests() => TorchRuntime.EnsureLoaded(1);

        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        [InlineData(3)]
        [InlineData(8)]
        public void WeightCodesAreSignedNarrowRange(int bits)
        {
            using var scope = NewDisposeScope();
            var w = randn(64, 40);
            var step = tensor(new[] { 0.3f });
            var codes = Quantizers.WeightCodes(w, step, bits).data<float>().ToArray();
            int q = Quantizers.WeightLevels(bits);
            Assert.All(codes, c => Assert.True(c == System.Math.Round(c) && System.Math.Abs(c) <= q));
            if (bits == 1) Assert.All(codes, c => Assert.True(c is 1 or -1));
            else Assert.Contains(codes, c => c == 0);
        }

        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        [InlineData(4)]
        public void ActivationsAreCodesTimesTheStep(int bits)
        {
            using var scope = NewDisposeScope();
            var x = randn(128, 16) * 3;
            var step = tensor(new[] { 0.5f });
            var q = Quantizers.Activations(x, step, bits).data<float>().ToArray();
            var codes = Quantizers.ActivationCodes(x, step, bits).data<float>().ToArray();
            Assert.Equal(codes.Select(c => c * 0.5f), q);
            Assert.All(codes, c => Assert.InRange(c, 0, (1 << bits) - 1));
        }

        [Fact]
        public void TheLibtorchPatchIsIdempotent()
        {
            var source = Directory.GetFiles(System.AppContext.BaseDirectory, "libLibTorchSharp.so", SearchOption.AllDirectories).FirstOrDefault();
            if (!System.OperatingSystem.IsLinux()) return; // the patch concerns Linux builds of libtorch only
            Assert.NotNull(source);
            var copy = Path.Combine(TestPaths.NewScratch(), "lib.so");
            File.Copy(source!, copy);
            TorchRuntime.MarkVersionWeak(copy, "GLIBCXX_3.4.32");
            var once = File.ReadAllBytes(copy);
            Assert.False(TorchRuntime.MarkVersionWeak(copy, "GLIBCXX_3.4.32"));
            Assert.Equal(once, File.ReadAllBytes(copy));
        }
    }
}
