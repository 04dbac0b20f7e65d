using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using CanIds.Model.Inference;
using CanIds.Model.Integer;
using CanIds.Traffic.Windows;

namespace CanIds.Model.Evaluation
{
    /// <summary>Detection of one class the model was never trained on: any attack verdict counts as detected.</summary>
    /// <param name="Class">The data's class.</param>
    /// <param name="Windows">Its windows.</param>
    /// <param name="Detected">Windows given any class but benign.</param>
    public sealed record UnseenClass(string Class, long Windows, long Detected)
    {
        /// <summary>Detected share (%).</summary>
        public double DetectionRate => Windows == 0 ? 0 : 100.0 * Detected / Windows;
    }

    /// <summary>A model's verdicts on labelled windows: the confusion matrix over its classes, and unseen classes apart.</summary>
    public sealed class Evaluation
    {
        private Evaluation(ConfusionMatrix matrix, IReadOnlyList<UnseenClass> unseen, byte[] predictions)
        {
            Matrix = matrix;
            Unseen = unseen;
            Predictions = predictions;
        }

        /// <summary>Windows of the model's classes.</summary>
        public ConfusionMatrix Matrix { get; }

        /// <summary>Windows of classes the model does not have (e.g. the never-trained Replay and Masquerade).</summary>
        public IReadOnlyList<UnseenClass> Unseen { get; }

        /// <summary>The model's class for every window.</summary>
        public byte[] Predictions { get; }

        /// <summary>The verdicts grouped into incidents (null when scored without the model).</summary>
        public IncidentReport? Incidents { get; private init; }

        /// <summary>Runs <paramref name="model"/> over <paramref name="windows"/>: the device's verdicts (network and identifier rule).</summary>
        public static Evaluation Run(IntegerModel model, WindowSet windows)
        {
            if (windows.InputLength != model.InputLength) throw new ArgumentException($"the model takes {model.WindowFrames}-frame windows, the data has {windows.WindowFrames}-frame windows");
            return Of(model, windows, ModelRunner.Judge(model, windows.Inputs.AsSpan(0, windows.Count * windows.InputLength)));
        }

        /// <summary>Scores <paramref name="predictions"/> of <paramref name="model"/> and groups them into incidents.</summary>
        public static Evaluation Of(IntegerModel model, WindowSet windows, byte[] predictions)
        {
            var e = Of(model.Classes, windows, predictions);
            return new Evaluation(e.Matrix, e.Unseen, predictions) { Incidents = IncidentReport.Of(model, windows, predictions) };
        }

        /// <summary>
        /// Scores <paramref name="predictions"/> (classes of <paramref name="modelClasses"/>, one per window, as a model,
        /// the RTL or a device gave them) against the labels of <paramref name="windows"/>.
        /// </summary>
        public static Evaluation Of(IReadOnlyList<string> modelClasses, WindowSet windows, byte[] predictions)
        {
            if (predictions.Length != windows.Count) throw new ArgumentException($"{predictions.Length} predictions for {windows.Count} windows");
            var toModel = windows.Classes.Select(c => modelClasses.ToList().IndexOf(c)).ToArray();
            var matrix = new ConfusionMatrix(modelClasses);
            var unseenWindows = new long[windows.Classes.Count];
            var unseenDetected = new long[windows.Classes.Count];
            for (int i = 0; i < windows.Count; i++)
            {
                int truth = toModel[windows.Labels[i]];
                if (truth >= 0)
                {
                    matrix.Add(truth, predictions[i]);
                    continue;
                }

                unseenWindows[windows.Labels[i]]++;
                if (predictions[i] != 0) unseenDetected[windows.Labels[i]]++;
            }

            var unseen = windows.Classes.Select((c, i) => new UnseenClass(c, unseenWindows[i], unseenDetected[i])).Where(u => u.Windows > 0).ToList();
            return new Evaluation(matrix, unseen, predictions);
        }

        /// <summary>The markdown report body: matrix, per-class figures, unseen classes.</summary>
        public string Markdown()
        {
            var sb = new StringBuilder();
            sb.AppendLine(EvaluationReport.MatrixTable(Matrix));
            sb.AppendLine(EvaluationReport.MetricsTable(Matrix));
            if (Unseen.Count > 0)
            {
                sb.AppendLine();
                sb.AppendLine("Attacks the model was not trained on (detected = given any attack class):");
                sb.AppendLine();
                sb.AppendLine("| class | windows | detected | detection % |");
                sb.AppendLine("|---|---:|---:|---:|");
                foreach (var u in Unseen) sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {u.Class} | {u.Windows:N0} | {u.Detected:N0} | {u.DetectionRate:F2} |"));
            }

            if (Incidents != null)
            {
                sb.AppendLine();
                sb.AppendLine("### Incidents");
                sb.AppendLine();
                sb.Append(Incidents.Markdown());
            }

            return sb.ToString();
        }
    }
}
