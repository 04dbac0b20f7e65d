using System.Globalization;
using System.Linq;
using System.Text;

namespace CanIds.Model.Evaluation
{
    /// <summary>Markdown tables of an evaluation, in the shape of the paper's.</summary>
    public static class EvaluationReport
    {
        /// <summary>The confusion matrix as a markdown table (true classes in rows).</summary>
        public static string MatrixTable(ConfusionMatrix m)
        {
            var sb = new StringBuilder();
            sb.AppendLine("| true \\ predicted | " + string.Join(" | ", m.Classes) + " |");
            sb.AppendLine("|---|" + string.Concat(Enumerable.Repeat("---:|", m.Classes.Count)));
            for (int t = 0; t < m.Classes.Count; t++)
            {
                sb.AppendLine($"| {m.Classes[t]} | " + string.Join(" | ", Enumerable.Range(0, m.Classes.Count).Select(p => m[t, p].ToString("N0", CultureInfo.InvariantCulture))) + " |");
            }

            return sb.ToString();
        }

        /// <summary>Precision, recall, F1 and FNR per class as a markdown table, then accuracy and FPR.</summary>
        public static string MetricsTable(ConfusionMatrix m)
        {
            var sb = new StringBuilder();
            sb.AppendLine("| class | windows | precision % | recall % | F1 % | FNR % |");
            sb.AppendLine("|---|---:|---:|---:|---:|---:|");
            foreach (var c in m.AllMetrics())
            {
                // A class absent from the data has no recall: say so rather than print a perfect score.
                sb.AppendLine(c.Support == 0
                    ? $"| {c.Class} | 0 | n/a | n/a | n/a | n/a |"
                    : string.Create(CultureInfo.InvariantCulture, $"| {c.Class} | {c.Support:N0} | {c.Precision:F3} | {c.Recall:F3} | {c.F1:F3} | {c.FalseNegativeRate:F3} |"));
            }

            sb.AppendLine();
            sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"Accuracy **{m.Accuracy:F4} %** ({m.Misclassified:N0} of {m.Total:N0} windows misclassified); false-positive rate {m.FalsePositiveRate:F4} % of benign windows; attacks taken for benign {m.MissedAttackRate:F4} %."));
            return sb.ToString();
        }
    }
}
