using System;
using CanIds.Model.Integer;
using CanIds.TestSupport;
using CanIds.Traffic.Windows;
using Xunit;

namespace CanIds.Training.Tests
{
    /// <summary>One short quantisation-aware training on generated traffic, shared by the tests that need a trained network (one libtorch thread: the same network every run).</summary>
    public sealed class TrainedModelFixture : IDisposable
    {
        public TrainedModelFixture()
        {
            Train = TestModels.Traffic(40, seed: 101);
            Held = TestModels.Traffic(50, seed: 202).WithClasses(Train.Classes);
            Result = Trainer.Train(new NetworkShape(), Train, null, new TrainingOptions { Epochs = 3, Seed = 4, Patience = 10, Threads = 1 });
            Model = NetworkExport.ToIntegerModel(Result.Network, Train.Classes, new ModelProvenance { Name = "fixture" });
        }

        public WindowSet Train { get; }

        public WindowSet Held { get; }

        public TrainingResult Result { get; }

        public IntegerModel Model { get; }

        public void Dispose() => Result.Network.Dispose();
    }

    /// <summary>Every test that trains: libtorch's random generator and thread count are process-wide, so they run one at a time.</summary>
    [CollectionDefinition("trained")]
    public sealed class TrainedCollection : ICollectionFixture<TrainedModelFixture>
    {
    }
}
