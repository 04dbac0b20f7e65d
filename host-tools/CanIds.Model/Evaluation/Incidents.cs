using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using CanIds.Model.Integer;
using CanIds.Traffic;
using CanIds.Traffic.Windows;

namespace CanIds.Model.Evaluation
{
    /// <summary>
    /// One incident: attack verdicts of one class on one identifier (or on any identifier the model's identifier rule
    /// does not know) no more than the grouping gap apart. What an analyst triages, rather than single frames.
    /// </summary>
    /// <param name="Class">The verdicts' class.</param>
    /// <param name="Word">The identifier word (docs/input-format.md); null for an incident on unknown identifiers, which spans all of them.</param>
    /// <param name="Rule">Why it fired: "unknown-id" (foreign-class verdicts on unknown identifiers: the identifier rule, with or without the network), else "network".</param>
    /// <param name="StartUs">Timestamp of its first frame, µs.</param>
    /// <param name="EndUs">Timestamp of its last frame, µs.</param>
    /// <param name="Frames">Attack verdicts in it.</param>
    /// <param name="AttackFrames">Of those, frames labelled as an attack: 0 makes it a false incident.</param>
    /// <param name="Identifiers">Distinct identifier words in it.</param>
    public sealed record Incident(string Class, int? Word, string Rule, long StartUs, long EndUs, int Frames, int AttackFrames, int Identifiers)
    {
        /// <summary>True when no frame of it was an attack.</summary>
        public bool False => AttackFrames == 0;
    }

    /// <summary>One labelled attack burst and how soon an incident caught it.</summary>
    /// <param name="Class">The burst's label.</param>
    /// <param name="StartUs">Its first frame's timestamp, µs.</param>
    /// <param name="Frames">Its attack frames.</param>
    /// <param name="FramesUntilIncident">The burst's attack frames up to and including the first one given an attack verdict (1: the first); null when none was.</param>
    public sealed record AttackBurst(string Class, long StartUs, int Frames, int? FramesUntilIncident);

    /// <summary>
    /// Verdicts grouped into incidents, false incidents per hour of traffic, and attack frames until the first incident
    /// of each labelled burst. docs/model.md ("Incidents") describes the grouping.
    /// </summary>
    public sealed class IncidentReport
    {
        /// <summary>Default grouping gap: verdicts of one incident are at most this far apart.</summary>
        public const double DefaultGapSeconds = 1.0;

        private IncidentReport(IReadOnlyList<Incident> incidents, IReadOnlyList<AttackBurst> bursts, double hours, double gapSeconds, long originUs)
        {
            OriginUs = originUs;
            Incidents = incidents;
            Bursts = bursts;
            Hours = hours;
            GapSeconds = gapSeconds;
        }

        /// <summary>Incidents, by start.</summary>
        public IReadOnlyList<Incident> Incidents { get; }

        /// <summary>Labelled attack bursts (attack frames of one class at most the gap apart), by start.</summary>
        public IReadOnlyList<AttackBurst> Bursts { get; }

        /// <summary>Hours of traffic (the span of each log's timestamps, summed); 0 when the logs carry none.</summary>
        public double Hours { get; }

        /// <summary>The first frame's timestamp, µs: report times count from it.</summary>
        public long OriginUs { get; }

        /// <summary>The grouping gap, seconds.</summary>
        public double GapSeconds { get; }

        /// <summary>Incidents in which no frame was an attack.</summary>
        public int FalseIncidents => Incidents.Count(i => i.False);

        /// <summary>False incidents per hour of traffic; null without timestamps.</summary>
        public double? FalsePerHour => Hours > 0 ? FalseIncidents / Hours : null;

        /// <summary>
        /// Groups <paramref name="predictions"/> (classes of <paramref name="model"/>, one per window of
        /// <paramref name="windows"/>) into incidents; a jump back in time (the next log) closes every open one.
        /// </summary>
        public static IncidentReport Of(IntegerModel model, WindowSet windows, byte[] predictions, double gapSeconds = DefaultGapSeconds)
        {
            if (predictions.Length != windows.Count) throw new ArgumentException($"{predictions.Length} predictions for {windows.Count} windows");
            long gap = (long)(gapSeconds * 1e6);
            bool timed = windows.Count > 0 && windows.Times.Take(windows.Count).All(t => t != CanRecord.NoTimestamp);
            var incidents = new List<Incident>();
            var open = new Dictionary<(int Class, int Word), Open>();
            var bursts = new List<AttackBurst>();
            var openBursts = new Dictionary<int, Burst>();
            double hours = 0;
            long segmentStart = 0, previous = long.MinValue;

            void CloseAll()
            {
                foreach (var o in open.Values) incidents.Add(o.ToIncident(model));
                open.Clear();
                foreach (var b in openBursts.Values) bursts.Add(b.ToBurst(windows));
                openBursts.Clear();
            }

            for (int i = 0; i < windows.Count; i++)
            {
                long t = timed ? windows.Times[i] : i;
                if (t < previous)
                {
                    CloseAll();
                    if (timed) hours += (previous - segmentStart) / 3.6e9;
                    segmentStart = t;
                }
                else if (i == 0)
                {
                    segmentStart = t;
                }

                previous = t;
                int word = windows.NewestWord(i);
                bool attack = windows.Classes[windows.Labels[i]] != TrafficClasses.Benign;
                int cls = predictions[i];
                if (attack)
                {
                    if (openBursts.TryGetValue(windows.Labels[i], out var b) && t - b.LastUs > gap)
                    {
                        bursts.Add(b.ToBurst(windows));
                        openBursts.Remove(windows.Labels[i]);
                    }

                    if (!openBursts.TryGetValue(windows.Labels[i], out b)) openBursts[windows.Labels[i]] = b = new Burst(windows.Labels[i], t);
                    b.Add(t, cls != 0);
                }

                if (cls == 0) continue;
                // Verdicts on identifiers the model does not know group across them: a flood on random identifiers is one incident.
                bool unknown = model.Identifiers is { } known && !known.Contains(word);
                var key = (cls, unknown ? -1 : word);
                if (open.TryGetValue(key, out var o) && t - o.LastUs > gap)
                {
                    incidents.Add(o.ToIncident(model));
                    open.Remove(key);
                }

                if (!open.TryGetValue(key, out o)) open[key] = o = new Open(cls, unknown ? null : word, t);
                o.Add(t, word, attack);
            }

            CloseAll();
            if (timed && windows.Count > 0) hours += (previous - segmentStart) / 3.6e9;
            long origin = timed && windows.Count > 0 ? windows.Times[0] : 0;
            return new IncidentReport(incidents.OrderBy(x => x.StartUs).ToList(), bursts.OrderBy(x => x.StartUs).ToList(), hours, gapSeconds, origin);
        }

        /// <summary>One line: incidents, false ones per hour, bursts caught within 10 frames.</summary>
        public string Summary() => string.Create(CultureInfo.InvariantCulture,
            $"{Incidents.Count:N0} incidents, {FalseIncidents:N0} false ({(FalsePerHour is { } f ? $"{f:0.#} per hour" : "no timestamps")}); {Bursts.Count(b => b.FramesUntilIncident <= 10)} of {Bursts.Count} attack bursts caught within 10 frames");

        /// <summary>The report's markdown section.</summary>
        public string Markdown()
        {
            var md = new StringBuilder();
            var c = CultureInfo.InvariantCulture;
            md.AppendLine(c, $"Attack verdicts of one class on one identifier (or on any identifier the model does not know) at most {GapSeconds:0.###} s apart make one incident.");
            md.AppendLine();
            md.AppendLine("| incidents | false incidents | false incidents per hour | hours of traffic | attack bursts | caught | attack frames until the first incident (median / max) | caught within 10 frames |");
            md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
            var caught = Bursts.Where(b => b.FramesUntilIncident != null).Select(b => b.FramesUntilIncident!.Value).OrderBy(n => n).ToList();
            string until = caught.Count == 0 ? "–" : $"{caught[caught.Count / 2]} / {caught[^1]}";
            md.AppendLine(c, $"| {Incidents.Count:N0} | {FalseIncidents:N0} | {(FalsePerHour is { } f ? f.ToString("0.##", c) : "n/a (no timestamps)")} | {Hours:0.###} | {Bursts.Count:N0} | {caught.Count:N0} | {until} | {caught.Count(n => n <= 10):N0} |");
            var falses = Incidents.Where(i => i.False).Take(10).ToList();
            if (falses.Count > 0)
            {
                md.AppendLine();
                md.AppendLine(c, $"False incidents{(FalseIncidents > falses.Count ? $" (first {falses.Count} of {FalseIncidents:N0})" : "")}:");
                md.AppendLine();
                md.AppendLine("| start (s from the first frame) | identifier | class | rule | frames |");
                md.AppendLine("|---:|---|---|---|---:|");
                foreach (var i in falses)
                    md.AppendLine(c, $"| {(i.StartUs - OriginUs) / 1e6:F3} | {(i.Word is { } w ? $"0x{w:X4}" : $"{i.Identifiers} unknown")} | {i.Class} | {i.Rule} | {i.Frames:N0} |");
            }

            return md.ToString();
        }

        private sealed class Open(int cls, int? word, long startUs)
        {
            private readonly HashSet<int> _words = new();
            private readonly long _start = startUs;
            private int _frames, _attacks;

            public long LastUs { get; private set; } = startUs;

            public void Add(long t, int w, bool attack)
            {
                LastUs = t;
                _words.Add(w);
                _frames++;
                if (attack) _attacks++;
            }

            public Incident ToIncident(IntegerModel model) =>
                new(model.Classes[cls], word, word == null && cls == model.Identifiers?.ForeignClass ? "unknown-id" : "network", _start, LastUs, _frames, _attacks, _words.Count);
        }

        private sealed class Burst(int label, long startUs)
        {
            private readonly long _start = startUs;
            private int _frames;
            private int? _until;

            public long LastUs { get; private set; } = startUs;

            public void Add(long t, bool flagged)
            {
                LastUs = t;
                _frames++;
                if (flagged && _until == null) _until = _frames;
            }

            public AttackBurst ToBurst(WindowSet windows) => new(windows.Classes[label], _start, _frames, _until);
        }
    }
}
