using System.Collections.Generic;
using System.Linq;
using Spectre.Console;

namespace CanIds.Cli.Cli
{
    /// <summary>Frames per class, shown as the summary table of verbs that move traffic.</summary>
    public sealed class ClassCounts
    {
        private readonly Dictionary<string, long> _counts = new();

        /// <summary>Frames counted.</summary>
        public long Total { get; private set; }

        /// <summary>Counts one frame of <paramref name="label"/> (null: unlabelled).</summary>
        public void Add(string? label)
        {
            label ??= "(unlabelled)";
            _counts[label] = _counts.GetValueOrDefault(label) + 1;
            Total++;
        }

        /// <summary>A table: class, frames, share.</summary>
        public Table ToTable(string title)
        {
            var table = new Table().Title(title).AddColumn("class").AddColumn(new TableColumn("frames").RightAligned()).AddColumn(new TableColumn("share").RightAligned());
            foreach (var (label, count) in _counts.OrderByDescending(kv => kv.Value))
            {
                table.AddRow(Markup.Escape(label), count.ToString("N0"), (100.0 * count / Total).ToString("F2") + " %");
            }

            return table.AddRow("[bold]total[/]", $"[bold]{Total:N0}[/]", "100.00 %");
        }
    }
}
