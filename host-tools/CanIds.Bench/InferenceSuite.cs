using System;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using CanIds.Model.Inference;
using CanIds.Model.Integer;
using CanIds.Traffic.Generation;
using CanIds.Traffic.Windows;
using CanIds.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace CanIds.Bench
{
    /// <summary>
    /// Classifying windows with the paper's network on one core. Baseline: TorchSharp float inference of the trained
    /// (quantisation-aware) network. Candidates: the integer reference (the bit-exact contract) and the vectorised
    /// integer inference.
    /// </summary>
    public class InferenceSuite : ISuite
    {
        private IntegerModel _model = null!;
        private byte[] _inputs = [];
        private byte[] _classes = [];
        private QuantMlp _network = null!;
        private Tensor _x = null!;

        /// <summary>The model file to run (the built-in model when null).</summary>
        public static Func<IntegerModel> ModelSource { get; set; } = () => throw new InvalidOperationException("no model set");

        /// <inheritdoc />
        public long Items => BenchSettings.Windows;

        /// <inheritdoc />
        public string Unit => "windows";

        /// <summary>Loads the model, generates windows, builds the float network of the same shape.</summary>
        [GlobalSetup]
        public void Setup()
        {
            _model = ModelSource();
            var windows = WindowSet.FromRecordsDiscoveringClasses(TrafficGenerator.Generate(new GeneratorOptions { Seed = 5, DurationSeconds = BenchSettings.Windows / 1500.0 + 10 }), _model.WindowFrames);
            _inputs = windows.Inputs.AsSpan(0, BenchSettings.Windows * windows.InputLength).ToArray();
            _classes = new byte[BenchSettings.Windows];
            TorchRuntime.EnsureLoaded(threads: 1);
            var shape = NetworkShape.Uniform(_model.Layers.Take(_model.Layers.Count - 1).Select(l => l.Outputs).ToArray(), 2, 2, _model.WindowFrames);
            _network = new QuantMlp(shape, _model.Classes.Count);
            _network.eval();
            _x = tensor(_inputs.Select(b => (float)(b * QuantMlp.InputScale)).ToArray(), [BenchSettings.Windows, windows.InputLength]);
        }

        /// <summary>Baseline: TorchSharp float32 forward pass and argmax, batches of 4,096.</summary>
        [Benchmark(Baseline = true)]
        public long TorchSharpFloat()
        {
            long sum = 0;
            using var noGrad = no_grad();
            for (long from = 0; from < BenchSettings.Windows; from += 4096)
            {
                using var scope = NewDisposeScope();
                long n = Math.Min(4096, BenchSettings.Windows - from);
                sum += _network.forward(_x.narrow(0, from, n)).argmax(1).sum().item<long>();
            }

            return sum;
        }

        /// <summary>The integer reference inference, one window at a time.</summary>
        [Benchmark]
        public int IntegerReference()
        {
            var reference = new ReferenceInference(_model);
            int sum = 0, length = _model.InputLength;
            for (int i = 0; i < BenchSettings.Windows; i++) sum += reference.Classify(_inputs.AsSpan(i * length, length));
            return sum;
        }

        /// <summary>The vectorised integer inference (bit-exact with the reference).</summary>
        [Benchmark]
        public int IntegerFast()
        {
            new FastInference(_model).Classify(_inputs, _classes);
            return _classes[^1];
        }
    }
}
