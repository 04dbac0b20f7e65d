using CanIds.Model.Evaluation;
using Xunit;

namespace CanIds.Model.Tests
{
    /// <summary>The figures derived from a confusion matrix, checked against the paper's own table.</summary>
    public class EvaluationTests
    {
        [Fact]
        public void ReproducesThePapersPerAttackFigures()
        {
            // Khandelwal & Shreejith (FPL 2023), 2-bit CQMLP: rows true Benign, DoS, Fuzzing, RPM.
            long[,] paper = { { 103_142, 17, 17, 0 }, { 27, 23_666, 0, 0 }, { 78, 0, 28_003, 8 }, { 0, 0, 0, 25_042 } };
            var m = new ConfusionMatrix(["Benign", "DoS", "Fuzzing", "RPM"]);
            for (int t = 0; t < 4; t++)
                for (int p = 0; p < 4; p++)
                    for (long k = 0; k < paper[t, p]; k++) m.Add(t, p);

            // The paper truncates its percentages to two decimals.
            static double Cut(double v) => System.Math.Floor(v * 100) / 100;
            Assert.Equal(99.92, Cut(m.Metrics(1).Precision));
            Assert.Equal(99.88, Cut(m.Metrics(1).Recall));
            Assert.Equal(99.90, Cut(m.Metrics(1).F1));
            Assert.Equal(99.93, Cut(m.Metrics(2).Precision));
            Assert.Equal(99.69, Cut(m.Metrics(2).Recall));
            Assert.Equal(99.81, Cut(m.Metrics(2).F1));
            Assert.Equal(99.96, Cut(m.Metrics(3).Precision));
            Assert.Equal(100, m.Metrics(3).Recall);
            Assert.Equal(99.98, Cut(m.Metrics(3).F1));
            Assert.Equal(99.91, Cut(m.Accuracy));
            Assert.Equal(0.03, Cut(m.FalsePositiveRate));
            Assert.Equal(147, m.Misclassified); // "147 misclassified test messages out of 180,000"
            Assert.Equal(180_000, m.Total);
        }

        [Fact]
        public void AnEmptyClassIsNotAFailure()
        {
            var m = new ConfusionMatrix(["Benign", "Attack"]);
            m.Add(0, 0);
            Assert.Equal(100, m.Metrics(1).Recall);
            Assert.Equal(100, m.Accuracy);
        }
    }
}
