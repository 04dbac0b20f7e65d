using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace CanIds.Bench
{
    /// <summary>bench.json: every figure of a bench run, for CI pipelines and dashboards (schema in docs/results-json.md).</summary>
    public static class BenchJson
    {
        /// <summary>The schema this writer follows.</summary>
        public const string Schema = "canids.bench/1";

        /// <summary>Writes <paramref name="values"/> to <paramref name="path"/>.</summary>
        public static void Write(string path, IReadOnlyList<BenchValue> values, bool quick, string? warning)
        {
            var document = new
            {
                schema = Schema,
                generated = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
                machine = new { cores = Environment.ProcessorCount, os = Environment.OSVersion.VersionString, dotnet = Environment.Version.ToString() },
                quick,
                warning,
                figures = values.Select(v => new { suite = v.Suite, @case = v.Case, parameters = v.Parameters, value = v.Value, unit = v.Unit }),
            };
            File.WriteAllText(path, JsonSerializer.Serialize(document, new JsonSerializerOptions { WriteIndented = true }) + "\n");
        }
    }
}
