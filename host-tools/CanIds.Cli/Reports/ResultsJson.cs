using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using CanIds.Model.Evaluation;
using CanIds.Traffic.Files;

namespace CanIds.Cli.Reports
{
    /// <summary>
    /// The JSON files the report verbs write beside their Markdown (evaluation.json, replay.json, demo.json,
    /// synthesis.json; bench.json has its own writer), so CI pipelines and dashboards read figures instead of scraping
    /// them. Every document starts with <c>schema</c> ("canids.NAME/VERSION"), <c>generated</c> and <c>machine</c>;
    /// docs/results-json.md describes each. Numbers are unrounded; the Markdown shows them rounded.
    /// </summary>
    public static class ResultsJson
    {
        private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

        /// <summary>Writes <paramref name="figures"/> (an object whose properties become the document's) under <paramref name="schema"/>.</summary>
        public static void Write(string path, string schema, object figures)
        {
            var document = new JsonObject
            {
                ["schema"] = schema,
                ["generated"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                ["machine"] = new JsonObject { ["cores"] = Environment.ProcessorCount, ["os"] = Environment.OSVersion.VersionString, ["dotnet"] = Environment.Version.ToString() },
            };
            foreach (var (name, value) in JsonSerializer.SerializeToNode(figures, Options)!.AsObject().ToList())
            {
                document[name] = value?.DeepClone();
            }

            OutputFile.WriteAllText(path, document.ToJsonString(Options) + "\n");
        }

        /// <summary>An evaluation's figures: totals, per-class metrics, the confusion matrix, attacks never trained on.</summary>
        public static object Evaluation(Evaluation e) => new
        {
            accuracy_percent = e.Matrix.Accuracy,
            misclassified = e.Matrix.Misclassified,
            windows = e.Matrix.Total,
            false_positive_rate_percent = e.Matrix.FalsePositiveRate,
            missed_attack_rate_percent = e.Matrix.MissedAttackRate,
            classes = Classes(e.Matrix),
            confusion_matrix = new
            {
                classes = e.Matrix.Classes,
                rows = Enumerable.Range(0, e.Matrix.Classes.Count).Select(t => Enumerable.Range(0, e.Matrix.Classes.Count).Select(p => e.Matrix[t, p]).ToArray()).ToArray(),
            },
            never_trained = e.Unseen.Select(u => new { @class = u.Class, windows = u.Windows, detected = u.Detected, detection_percent = u.DetectionRate }),
            incidents = e.Incidents is not { } r ? null : new
            {
                gap_seconds = r.GapSeconds,
                count = r.Incidents.Count,
                @false = r.FalseIncidents,
                false_per_hour = r.FalsePerHour,
                hours = r.Hours,
                attack_bursts = r.Bursts.Count,
                bursts_caught = r.Bursts.Count(b => b.FramesUntilIncident != null),
                bursts_caught_within_10_frames = r.Bursts.Count(b => b.FramesUntilIncident <= 10),
                max_frames_until_incident = r.Bursts.Max(b => b.FramesUntilIncident),
                list = r.Incidents.Select(i => new { @class = i.Class, identifier = i.Word is { } w ? $"0x{w:X4}" : null, rule = i.Rule, start_us = i.StartUs, end_us = i.EndUs, frames = i.Frames, attack_frames = i.AttackFrames, identifiers = i.Identifiers }),
            },
        };

        /// <summary>Per-class metrics of <paramref name="m"/> (null figures for a class absent from the data).</summary>
        public static IEnumerable<object> Classes(ConfusionMatrix m) => m.AllMetrics().Select(c => new
        {
            @class = c.Class,
            windows = c.Support,
            precision_percent = c.Support == 0 ? (double?)null : c.Precision,
            recall_percent = c.Support == 0 ? (double?)null : c.Recall,
            f1_percent = c.Support == 0 ? (double?)null : c.F1,
            fnr_percent = c.Support == 0 ? (double?)null : c.FalseNegativeRate,
        });
    }
}
