using CanIds.Traffic.Files;
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using CanIds.Cli.Replay;
using CanIds.Cli.Synthesis;
using CanIds.Hil.Replay;
using CanIds.Model.Evaluation;
using CanIds.Model.Hardware;
using CanIds.Model.Integer;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace CanIds.Cli.Demo
{
    /// <summary>Collects what each demo stage did and measured, and writes demo.md (and demo.json) with the figures next to the paper's.</summary>
    public sealed class DemoReport(DemoPlan plan)
    {
        private readonly List<(string Stage, double Seconds, CpuShare Cpu, string Result)> _stages = [];
        private readonly CpuShare.Mark _start = CpuShare.Now();
        private readonly StringBuilder _body = new();
        private readonly List<(string Figure, string Paper, string Measured, bool? Beats)> _versusPaper = [];
        private IntegerModel? _model;

        /// <summary>Runs a stage, timing it.</summary>
        public T Stage<T>(string name, Func<T> work)
        {
            AnsiConsole.Write(new Rule(Markup.Escape($"[{_stages.Count + 1}] {name}")).LeftJustified());
            int index = _stages.Count;
            _stages.Add((name, 0, default, ""));
            var from = CpuShare.Now();
            var result = work();
            var cpu = CpuShare.Since(from);
            _stages[index] = (name, cpu.Seconds, cpu, _stages[index].Result);
            return result;
        }

        /// <summary>Sets the result line of stage <paramref name="name"/>.</summary>
        public void Note(string name, string result)
        {
            int i = _stages.FindIndex(s => s.Stage == name);
            _stages[i] = _stages[i] with { Result = result };
        }

        /// <summary>The trained model.</summary>
        public void Training(IntegerModel model)
        {
            _model = model;
            var p = model.Provenance;
            Note("train", string.Create(CultureInfo.InvariantCulture, $"{model.Topology} {model.BitWidths}; best epoch {p.Epochs}, validation {p.Metrics["validation accuracy %"]:F4} %; integer ≠ trained on {p.Metrics["integer vs trained mismatches"]:N0} windows"));
            _body.AppendLine("## Training");
            _body.AppendLine();
            _body.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{model.Topology}, {model.BitWidths}, {model.WeightMemoryBits:N0} weight bits; quantisation-aware training (TorchSharp), {plan.Epochs} epochs; the integer model classifies exactly as the trained network ({p.Metrics["integer vs trained mismatches"]:N0} differing windows). Details: [training/training.md](training/training.md)."));
            _body.AppendLine();
            _body.AppendLine("![training accuracy](training/training-accuracy.png)");
            _body.AppendLine();
        }

        /// <summary>The held-out evaluation.</summary>
        public void Evaluation(Evaluation e, int windows)
        {
            var m = e.Matrix;
            Note("evaluate", string.Create(CultureInfo.InvariantCulture, $"accuracy {m.Accuracy:F4} % on {windows:N0} held-out windows, FPR {m.FalsePositiveRate:F4} %{(e.Incidents is { } i ? "; " + i.Summary() : "")}"));
            _versusPaper.Add(("accuracy (held-out windows)", "99.91 %", $"{m.Accuracy:F4} %", m.Accuracy > 99.91));
            foreach (var c in m.AllMetrics().Skip(1).Where(c => c.Support > 0))
                _versusPaper.Add(($"F1 {c.Class}", "≥ 99.81 %", $"{c.F1:F3} %", c.F1 >= 99.81));
            _body.AppendLine("## Evaluation on held-out traffic");
            _body.AppendLine();
            _body.AppendLine(e.Markdown());
            _body.AppendLine("![confusion matrix](evaluation/confusion-matrix.png)");
            _body.AppendLine();
        }

        /// <summary>The exported image and RTL parameters.</summary>
        public void Export(string image, int bytes, uint modelId, HardwareConfig hardware, int rtlFiles)
        {
            Note("export", $"{Path.GetFileName(image)} ({bytes:N0} bytes, model {modelId:x8}, verified), rtl/ ({rtlFiles} files, folding {hardware.FoldingText})");
            _body.AppendLine("## Export");
            _body.AppendLine();
            _body.AppendLine($"- weight image `{Path.GetFileName(image)}`: {bytes:N0} bytes, model id {modelId:x8}, hardware config {hardware.ConfigId:x8}; signed (HMAC-SHA256) with `device.key` and verified as the firmware verifies it");
            _body.AppendLine($"- RTL parameters in `rtl/` (cqmlp_params.vh and memory files: a bitstream of the family that boots with this model), folding {hardware.FoldingText}: {hardware.InitiationInterval:N0} cycles per inference");
            _body.AppendLine();
        }

        /// <summary>The replay through firmware and RTL.</summary>
        public void Replay(ReplayResult r)
        {
            var o = r.Outcome;
            Note("replay", $"{o.Classes.Length:N0} frames, {r.Mismatches:N0} mismatches vs the integer model, latency p50 {o.Percentile(50):F0} µs / p99 {o.Percentile(99):F0} µs; FPGA: {r.Fpga}");
            var (cycles, _) = RtlLatency.OneFrame(new byte[CanIds.Core.Link.LinkProtocol.FrameRecordLength]);
            double fpgaUs = cycles / r.Settings.Timing.FpgaMhz;
            _versusPaper.Add(("FPGA latency, frame record in → verdict ready (simulated RTL; clock not timing-closed)", "0.11 ms", string.Create(CultureInfo.InvariantCulture, $"{fpgaUs / 1000:F4} ms ({cycles:N0} cycles at {r.Settings.Timing.FpgaMhz:0} MHz)"), fpgaUs < 110));
            _versusPaper.Add(("frame received → verdict at the MCU, p50 / p99 (MCU cost derived: nanoCLR on this host × board factor)", "0.11 ms", string.Create(CultureInfo.InvariantCulture, $"{o.Percentile(50) / 1000:F3} / {o.Percentile(99) / 1000:F3} ms"), o.Percentile(99) < 110));
            _versusPaper.Add(("bit-exact: firmware + RTL vs integer model", "-", $"{r.Mismatches:N0} mismatches in {o.Classes.Length:N0} frames", null));
            _body.AppendLine("## Replay through firmware + FPGA (RTL co-simulation)");
            _body.AppendLine();
            string pace = r.Settings.Pace == ReplayPace.Recorded ? "at its recorded timing" : $"back to back at {r.Settings.BitRate / 1000} kbit/s (the log has no timestamps)";
            _body.AppendLine($"The first {plan.ReplaySeconds:0.#} s of the held-out log {pace}, through the firmware logic (its .NET build) and {r.Fpga}; the firmware first loaded the model into the FPGA from the signed image, as a flashed update is loaded. {r.Settings.Timing}.{(r.Parts > 1 ? $" The log was cut into {r.Parts} consecutive parts replayed side by side on the machine's cores, each by its own firmware and simulated FPGA from boot (so each part's first windows begin empty, and its reference too)." : "")}");
            _body.AppendLine();
            _body.AppendLine($"**{r.Mismatches:N0} mismatches** between the verdicts of firmware + RTL and the integer model in {o.Classes.Length:N0} frames ({o.Judged:N0} judged, {o.Overruns:N0} dropped by a full CAN driver buffer).");
            _body.AppendLine();
            _body.AppendLine(ReplayReport.LatencyTable(o));
            _body.AppendLine("![latency histogram](replay/latency-histogram.png)");
            _body.AppendLine();
            _body.AppendLine("Details: [replay/replay.md](replay/replay.md).");
            _body.AppendLine();
        }

        /// <summary>Writes demo.md; returns its path.</summary>
        public string Write(TimeSpan elapsed)
        {
            var md = new StringBuilder();
            md.AppendLine("# canids demo");
            md.AppendLine();
            var all = CpuShare.Since(_start);
            md.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {elapsed.TotalMinutes:F1} min in all; the demo kept {all} busy on average."));
            md.AppendLine();
            md.AppendLine("The CPU column is the cores kept busy on average during the stage: by the demo, and (others) by every other process on the machine; a slow run beside other work shows it there.");
            md.AppendLine();
            md.AppendLine("| stage | seconds | CPU | result |");
            md.AppendLine("|---|---:|---|---|");
            foreach (var (stage, seconds, cpu, result) in _stages) md.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {stage} | {seconds:F0} | {cpu} | {result} |"));
            md.AppendLine();
            md.AppendLine("## Against the paper");
            md.AppendLine();
            md.AppendLine("| figure | paper | this run | |");
            md.AppendLine("|---|---|---|---|");
            foreach (var (figure, paper, measured, beats) in _versusPaper) md.AppendLine($"| {figure} | {paper} | {measured} | {(beats is null ? "" : beats.Value ? "better" : "**not better**")} |");
            md.AppendLine();
            md.AppendLine("FPGA resources are measured by `canids synth` (yosys), not by the demo.");
            md.AppendLine();
            md.Append(_body);
            var path = Path.Combine(plan.Output, "demo.md");
            OutputFile.WriteAllText(path, md.ToString());
            Reports.ResultsJson.Write(Path.Combine(plan.Output, "demo.json"), "canids.demo/1", new
            {
                elapsed_seconds = elapsed.TotalSeconds,
                cores = Environment.ProcessorCount,
                stages = _stages.Select(s => new { stage = s.Stage, seconds = s.Seconds, cpu_cores = s.Cpu.OwnCores, other_processes_cpu_cores = double.IsNaN(s.Cpu.OtherCores) ? (double?)null : s.Cpu.OtherCores, result = s.Result }),
                versus_paper = _versusPaper.Select(v => new { figure = v.Figure, paper = v.Paper, measured = v.Measured, better = v.Beats }),
                details = new { evaluation = "evaluation/evaluation.json", replay = "replay/replay.json" },
            });
            return path;
        }

        /// <summary>The end-of-run tables: the stages, then the figures against the paper.</summary>
        public IRenderable SummaryTable()
        {
            var stages = new Table().Title("canids demo").AddColumns("stage", "s", "CPU", "result");
            foreach (var (stage, seconds, cpu, result) in _stages) stages.AddRow(Markup.Escape(stage), seconds.ToString("F0", CultureInfo.InvariantCulture), Markup.Escape(cpu.ToString()), Markup.Escape(result));
            var paper = new Table().Title("against the paper").AddColumns("figure", "paper", "this run", "");
            foreach (var (figure, published, measured, beats) in _versusPaper)
                paper.AddRow(Markup.Escape(figure), Markup.Escape(published), Markup.Escape(measured), beats switch { true => "[green]better[/]", false => "[red]not better[/]", _ => "" });
            return new Rows(stages, paper);
        }
    }
}
