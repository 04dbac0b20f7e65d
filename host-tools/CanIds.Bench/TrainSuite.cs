using System.Linq;
using BenchmarkDotNet.Attributes;
using CanIds.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace CanIds.Bench
{
    /// <summary>
    /// Quantisation-aware training of the paper's network, one batch of 512 windows. Baseline: the forward pass alone
    /// (train mode); candidate: the whole step (forward, loss, backward, Adam).
    /// </summary>
    public class TrainSuite : ISuite
    {
        private const int Batch = 512;
        private QuantMlp _network = null!;
        private optim.Optimizer _optimizer = null!;
        private Tensor _x = null!;
        private Tensor _y = null!;

        /// <inheritdoc />
        public long Items => Batch;

        /// <inheritdoc />
        public string Unit => "windows";

        /// <summary>Builds the network and a random batch.</summary>
        [GlobalSetup]
        public void Setup()
        {
            TorchRuntime.EnsureLoaded();
            random.manual_seed(1);
            _network = new QuantMlp(new NetworkShape(), 5);
            _network.train();
            _optimizer = optim.Adam(_network.parameters(), 2e-3);
            _x = rand(Batch, 40);
            _y = randint(0, 5, [Batch], dtype: ScalarType.Int64);
        }

        /// <summary>Baseline: forward pass.</summary>
        [Benchmark(Baseline = true)]
        public float Forward()
        {
            using var scope = NewDisposeScope();
            return _network.forward(_x).sum().item<float>();
        }

        /// <summary>A full training step.</summary>
        [Benchmark]
        public float Step()
        {
            using var scope = NewDisposeScope();
            var loss = nn.functional.cross_entropy(_network.forward(_x), _y);
            _optimizer.zero_grad();
            loss.backward();
            _optimizer.step();
            return loss.item<float>();
        }
    }
}
