using System.Text.Encodings.Web;
using System.Text.Json;
using CascadeGuard.Simulation.Policies;
using CascadeGuard.Simulation.Runs;

namespace CascadeGuard.Tool.Simulate;

/// <summary>
/// Writes a <see cref="SimulationReport"/> as JSON (schema in docs/simulator.md). Only deterministic figures go in,
/// never timings, so the same seed gives the same bytes.
/// </summary>
internal static class SimulateJsonWriter
{
    public static byte[] ToBytes(SimulationReport report)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Write(json, report);
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    private static void Write(Utf8JsonWriter json, SimulationReport report)
    {
        var r = report.Request;
        json.WriteStartObject();
        json.WriteString("scenario", r.Scenario.Name);
        json.WriteString("description", r.Scenario.Description);
        json.WriteNumber("seed", r.Seed);
        json.WriteNumber("runs", r.Runs);
        json.WriteNumber("accounts", report.Accounts);
        json.WriteNumber("steps", r.StepCount);
        json.WriteStartObject("parameters");
        foreach (var p in report.Parameters)
        {
            if (p.Value is { } value)
            {
                json.WriteNumber(p.Key, value);
            }
            else
            {
                json.WriteString(p.Key, p.Text);
            }
        }

        json.WriteEndObject();
        json.WriteStartObject("policies");
        foreach (var policy in report.Policies)
        {
            json.WriteStartObject(policy.Policy.Name);
            json.WriteString("rules", policy.Policy.Rules);
            Figures(json, policy.Mean, policy.AmplificationMean);
            json.WriteBoolean("conserved", policy.Conserved);
            json.WriteStartObject("p95");
            Figures(json, policy.P95, policy.AmplificationP95);
            json.WriteEndObject();
            json.WriteStartObject("withoutFeedback");
            foreach (var metric in MetricInfo.All)
            {
                Number(json, metric.Key, policy.WithoutFeedbackMean[(int)metric.Metric]);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Figures(Utf8JsonWriter json, double[] values, (double Drawdown, double BadDebt) amplification)
    {
        foreach (var metric in MetricInfo.All)
        {
            Number(json, metric.Key, values[(int)metric.Metric]);
        }

        json.WriteStartObject("amplification");
        Number(json, "drawdown", amplification.Drawdown);
        Number(json, "badDebt", amplification.BadDebt);
        json.WriteEndObject();
    }

    // JSON has no NaN: an undefined ratio is null.
    private static void Number(Utf8JsonWriter json, string key, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumber(key, value);
        }
        else
        {
            json.WriteNull(key);
        }
    }
}
