using System;
using System.Collections.Generic;
using System.Linq;

namespace CanIds.Model.Evaluation
{
    /// <summary>Per-class figures of an evaluation, in percent where the name says so.</summary>
    /// <param name="Class">Class name.</param>
    /// <param name="Support">True windows of the class.</param>
    /// <param name="Precision">Of the windows predicted as the class, the share that are (%).</param>
    /// <param name="Recall">Of the class's windows, the share predicted as it (%).</param>
    /// <param name="F1">Harmonic mean of precision and recall (%).</param>
    /// <param name="FalseNegativeRate">100 − recall (%).</param>
    public sealed record ClassMetrics(string Class, long Support, double Precision, double Recall, double F1, double FalseNegativeRate);

    /// <summary>Counts of (true class, predicted class) over a test set, and the figures derived from them.</summary>
    public sealed class ConfusionMatrix
    {
        private readonly long[,] _counts;

        /// <summary>An empty matrix over <paramref name="classes"/>; the first class is the benign one.</summary>
        public ConfusionMatrix(IReadOnlyList<string> classes)
        {
            Classes = classes;
            _counts = new long[classes.Count, classes.Count];
        }

        /// <summary>Class names; index 0 is benign traffic.</summary>
        public IReadOnlyList<string> Classes { get; }

        /// <summary>Windows counted.</summary>
        public long Total { get; private set; }

        /// <summary>Windows of true class <paramref name="truth"/> predicted as <paramref name="predicted"/>.</summary>
        public long this[int truth, int predicted] => _counts[truth, predicted];

        /// <summary>Counts one window.</summary>
        public void Add(int truth, int predicted)
        {
            _counts[truth, predicted]++;
            Total++;
        }

        /// <summary>Counts every (label, prediction) pair.</summary>
        public void AddAll(ReadOnlySpan<byte> truth, ReadOnlySpan<byte> predicted)
        {
            if (truth.Length != predicted.Length) throw new ArgumentException("one prediction per label");
            for (int i = 0; i < truth.Length; i++) Add(truth[i], predicted[i]);
        }

        /// <summary>Windows classified correctly.</summary>
        public long Correct => Enumerable.Range(0, Classes.Count).Sum(c => _counts[c, c]);

        /// <summary>Windows classified wrongly.</summary>
        public long Misclassified => Total - Correct;

        /// <summary>Share of windows classified correctly (%).</summary>
        public double Accuracy => Total == 0 ? 0 : 100.0 * Correct / Total;

        /// <summary>Share of benign windows (class 0) flagged as any attack (%).</summary>
        public double FalsePositiveRate
        {
            get
            {
                long benign = Row(0);
                return benign == 0 ? 0 : 100.0 * (benign - _counts[0, 0]) / benign;
            }
        }

        /// <summary>Share of attack windows (any class but 0) taken for benign traffic (%).</summary>
        public double MissedAttackRate
        {
            get
            {
                long attacks = Total - Row(0);
                long missed = Enumerable.Range(1, Classes.Count - 1).Sum(c => _counts[c, 0]);
                return attacks == 0 ? 0 : 100.0 * missed / attacks;
            }
        }

        /// <summary>Precision, recall, F1 and FNR of class <paramref name="c"/>.</summary>
        public ClassMetrics Metrics(int c)
        {
            long tp = _counts[c, c];
            long predicted = Enumerable.Range(0, Classes.Count).Sum(t => _counts[t, c]);
            long support = Row(c);
            double precision = predicted == 0 ? (support == 0 ? 100 : 0) : 100.0 * tp / predicted;
            double recall = support == 0 ? 100 : 100.0 * tp / support;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            return new ClassMetrics(Classes[c], support, precision, recall, f1, 100 - recall);
        }

        /// <summary>Figures of every class.</summary>
        public IEnumerable<ClassMetrics> AllMetrics() => Enumerable.Range(0, Classes.Count).Select(Metrics);

        private long Row(int truth) => Enumerable.Range(0, Classes.Count).Sum(p => _counts[truth, p]);
    }
}
