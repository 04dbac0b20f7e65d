using System;
using System.Collections.Generic;
using System.Linq;
using ScottPlot;

namespace CanIds.Model.Evaluation
{
    /// <summary>The PNG plots of reports: confusion matrix, training curves, Pareto fronts, histograms.</summary>
    public static class Plots
    {
        /// <summary>A heat map of row-normalised shares with the counts written in each cell.</summary>
        public static void ConfusionMatrix(ConfusionMatrix matrix, string path, string title)
        {
            int n = matrix.Classes.Count;
            var plot = new Plot();
            var colormap = new ScottPlot.Colormaps.Blues();
            for (int t = 0; t < n; t++)
            {
                long row = Enumerable.Range(0, n).Sum(p => matrix[t, p]);
                for (int p = 0; p < n; p++)
                {
                    // Shade by the row share on a log scale, so a handful of errors still shows; true class t is row t from the top.
                    double share = row == 0 ? 0 : (double)matrix[t, p] / row;
                    double shade = Math.Log10(1 + 999 * share) / 3;
                    double y = n - 1 - t;
                    var cell = plot.Add.Rectangle(p - 0.5, p + 0.5, y - 0.5, y + 0.5);
                    cell.FillColor = colormap.GetColor(1 - shade); // ScottPlot's Blues runs from dark to light
                    cell.LineColor = Colors.White;
                    var text = plot.Add.Text(matrix[t, p].ToString("N0"), p, y);
                    text.LabelAlignment = Alignment.MiddleCenter;
                    text.LabelFontSize = n > 6 ? 10 : 13;
                    text.LabelFontColor = shade > 0.6 ? Colors.White : Colors.Black;
                }
            }

            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
                Enumerable.Range(0, n).Select(i => new Tick(i, matrix.Classes[i])).ToArray());
            plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
                Enumerable.Range(0, n).Select(i => new Tick(n - 1 - i, matrix.Classes[i])).ToArray());
            plot.XLabel("predicted");
            plot.YLabel("true");
            plot.Title(title);
            plot.Axes.SetLimits(-0.5, n - 0.5, -0.5, n - 0.5);
            plot.SavePng(path, 140 * n + 220, 120 * n + 160);
        }

        /// <summary>Lines of named series over a shared x axis (e.g. loss and accuracy per epoch).</summary>
        public static void Lines(string path, string title, string xLabel, string yLabel, IReadOnlyList<(string Name, double[] X, double[] Y)> series, bool logY = false)
        {
            var plot = new Plot();
            foreach (var (name, x, y) in series)
            {
                var line = plot.Add.Scatter(x, logY ? y.Select(v => Math.Log10(Math.Max(v, 1e-9))).ToArray() : y);
                line.LegendText = name;
                line.MarkerSize = x.Length > 60 ? 0 : 4;
            }

            if (logY)
            {
                plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = v => Math.Pow(10, v).ToString("G3") };
            }

            plot.Title(title);
            plot.XLabel(xLabel);
            plot.YLabel(yLabel);
            plot.ShowLegend();
            plot.SavePng(path, 800, 500);
        }

        /// <summary>Labelled points, with the Pareto-optimal ones joined (lower x and lower y are better).</summary>
        public static void Pareto(string path, string title, string xLabel, string yLabel, IReadOnlyList<(string Label, double X, double Y)> points)
        {
            var plot = new Plot();
            var all = plot.Add.ScatterPoints(points.Select(p => p.X).ToArray(), points.Select(p => p.Y).ToArray());
            all.LegendText = "design points";
            all.MarkerSize = 8;
            var front = points.Where(p => !points.Any(q => q.X <= p.X && q.Y <= p.Y && (q.X < p.X || q.Y < p.Y))).OrderBy(p => p.X).ToArray();
            var line = plot.Add.Scatter(front.Select(p => p.X).ToArray(), front.Select(p => p.Y).ToArray());
            line.LegendText = "Pareto front";
            line.LineWidth = 2;
            foreach (var p in points)
            {
                var text = plot.Add.Text(p.Label, p.X, p.Y);
                text.LabelFontSize = 10;
                text.OffsetY = -6;
            }

            plot.Title(title);
            plot.XLabel(xLabel);
            plot.YLabel(yLabel);
            plot.ShowLegend();
            plot.SavePng(path, 900, 600);
        }

        /// <summary>A histogram of <paramref name="values"/> with percentile markers.</summary>
        public static void Histogram(string path, string title, string xLabel, double[] values, IReadOnlyList<(string Name, double Value)> markers, int bins = 60)
        {
            var plot = new Plot();
            if (values.Length > 0)
            {
                double min = values.Min(), max = values.Max();
                if (max <= min) max = min + 1;
                var hist = ScottPlot.Statistics.Histogram.WithBinCount(bins, min, max);
                hist.AddRange(values);
                var bars = plot.Add.Bars(hist.Bins, hist.Counts);
                foreach (var bar in bars.Bars) bar.Size = hist.FirstBinSize * 0.9;
            }

            foreach (var (name, value) in markers)
            {
                var v = plot.Add.VerticalLine(value);
                v.LegendText = $"{name} {value:G4}";
            }

            plot.Title(title);
            plot.XLabel(xLabel);
            plot.YLabel("frames");
            plot.ShowLegend();
            plot.SavePng(path, 800, 500);
        }
    }
}
