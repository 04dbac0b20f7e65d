using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CanIds.Cli.Reports
{
    /// <summary>
    /// The device's report lines (ALERT, STATS, FAULT, LINK, ...: docs/firmware.md) as JSON lines, one object per line:
    /// <c>{"kind":"ALERT","ms":1265,"fields":{"id":"000","class":"DoS",...},"words":[],"text":"ALERT 1265 ..."}</c>.
    /// <c>key=value</c> tokens become fields (values as text; <c>message=</c> takes the rest of the line), other words
    /// are kept in order; the original line is kept as <c>text</c>.
    /// </summary>
    public static class DeviceReportJson
    {
        /// <summary>One report line as a JSON object on one line.</summary>
        public static string Line(string line)
        {
            var tokens = line.Split(' ', System.StringSplitOptions.RemoveEmptyEntries);
            var fields = new JsonObject();
            var words = new JsonArray();
            long? ms = null;
            int start = 1;
            if (tokens.Length > 1 && long.TryParse(tokens[1], NumberStyles.None, CultureInfo.InvariantCulture, out long time))
            {
                ms = time;
                start = 2;
            }

            for (int i = start; i < tokens.Length; i++)
            {
                int equals = tokens[i].IndexOf('=');
                if (equals <= 0)
                {
                    words.Add(tokens[i]);
                    continue;
                }

                string key = tokens[i][..equals];
                if (key == "message")
                {
                    int at = line.IndexOf(" message=", System.StringComparison.Ordinal);
                    fields[key] = at >= 0 ? line[(at + 9)..] : tokens[i][(equals + 1)..];
                    break;
                }

                fields[key] = tokens[i][(equals + 1)..];
            }

            var json = new JsonObject
            {
                ["kind"] = tokens.Length > 0 ? tokens[0] : "",
                ["ms"] = ms,
                ["fields"] = fields,
                ["words"] = words,
                ["text"] = line,
            };
            return json.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
        }
    }
}
