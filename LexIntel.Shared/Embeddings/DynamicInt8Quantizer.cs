using System.Runtime.InteropServices;
using Google.Protobuf;
using Onnx;

namespace LexIntel.Shared.Embeddings;

/// <summary>
/// Dynamic int8 quantization of an ONNX model's weight matrices, in memory: the rewrite ONNX
/// Runtime's own <c>quantize_dynamic</c> makes (symmetric int8 weights with a scale per column, activations
/// quantized to uint8 at run time), which its optimizer fuses into <c>DynamicQuantizeMatMul</c>.
/// Done at load time so no tool chain or generated file is needed: the rewrite takes well under a second.
/// </summary>
public static class DynamicInt8Quantizer
{
    /// <summary>DynamicQuantizeLinear needs opset 11.</summary>
    private const long MinimumOpset = 11;

    public static byte[] Quantize(Stream model)
    {
        var proto = ModelProto.Parser.ParseFrom(model);
        if (proto.OpsetImport.FirstOrDefault(o => o.Domain.Length == 0)?.Version < MinimumOpset)
        {
            return proto.ToByteArray();
        }

        var graph = proto.Graph;
        var initializers = graph.Initializer.ToDictionary(t => t.Name);
        var uses = graph.Node.SelectMany(n => n.Input).GroupBy(i => i).ToDictionary(g => g.Key, g => g.Count());
        var quantizedWeights = new Dictionary<string, (string Values, string Scale, string ZeroPoint)>();
        var quantizedActivations = new Dictionary<string, (string Values, string Scale, string ZeroPoint)>();
        var nodes = new List<NodeProto>(graph.Node.Count * 2);

        foreach (var node in graph.Node)
        {
            if (node.OpType != "MatMul" || node.Domain.Length != 0
                || !initializers.TryGetValue(node.Input[1], out var weight)
                || weight.DataType != (int)TensorProto.Types.DataType.Float || weight.Dims.Count != 2)
            {
                nodes.Add(node);
                continue;
            }

            if (!quantizedWeights.TryGetValue(weight.Name, out var b))
            {
                b = QuantizeWeight(weight, graph);
                quantizedWeights[weight.Name] = b;
            }

            var input = node.Input[0];
            if (!quantizedActivations.TryGetValue(input, out var a))
            {
                a = ($"{input}_quantized", $"{input}_scale", $"{input}_zero_point");
                nodes.Add(Node("DynamicQuantizeLinear", $"{input}_DynamicQuantizeLinear", [input], [a.Values, a.Scale, a.ZeroPoint]));
                quantizedActivations[input] = a;
            }

            var output = node.Output[0];
            nodes.Add(Node("MatMulInteger", $"{node.Name}_MatMulInteger", [a.Values, b.Values, a.ZeroPoint, b.ZeroPoint], [$"{output}_int32"]));
            var cast = Node("Cast", $"{node.Name}_Cast", [$"{output}_int32"], [$"{output}_float"]);
            cast.Attribute.Add(new AttributeProto { Name = "to", Type = AttributeProto.Types.AttributeType.Int, I = (long)TensorProto.Types.DataType.Float });
            nodes.Add(cast);
            nodes.Add(Node("Mul", $"{node.Name}_scales", [a.Scale, b.Scale], [$"{output}_scales"]));
            nodes.Add(Node("Mul", $"{node.Name}_rescale", [$"{output}_float", $"{output}_scales"], [output]));
            uses[weight.Name]--;
        }

        graph.Node.Clear();
        graph.Node.AddRange(nodes);
        foreach (var name in quantizedWeights.Keys.Where(name => uses[name] == 0))
        {
            graph.Initializer.Remove(initializers[name]);
        }

        return proto.ToByteArray();
    }

    /// <summary>Symmetric int8 with a scale per output column: one outlier column cannot coarsen all the others.</summary>
    private static (string Values, string Scale, string ZeroPoint) QuantizeWeight(TensorProto weight, GraphProto graph)
    {
        var values = weight.RawData.IsEmpty ? weight.FloatData.ToArray() : MemoryMarshal.Cast<byte, float>(weight.RawData.Span).ToArray();
        var columns = (int)weight.Dims[1];
        var scales = new float[columns];
        for (var i = 0; i < values.Length; i++)
        {
            scales[i % columns] = Math.Max(scales[i % columns], MathF.Abs(values[i]));
        }

        for (var c = 0; c < columns; c++)
        {
            scales[c] = scales[c] > 0 ? scales[c] / 127f : 1f;
        }

        var quantized = new byte[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            quantized[i] = unchecked((byte)(sbyte)Math.Clamp(MathF.Round(values[i] / scales[i % columns]), -127f, 127f));
        }

        var name = weight.Name;
        var q = Tensor($"{name}_quantized", TensorProto.Types.DataType.Int8, quantized, weight.Dims);
        graph.Initializer.Add(q);
        graph.Initializer.Add(Tensor($"{name}_scale", TensorProto.Types.DataType.Float, MemoryMarshal.AsBytes(scales.AsSpan()).ToArray(), [columns]));
        graph.Initializer.Add(Tensor($"{name}_zero_point", TensorProto.Types.DataType.Int8, new byte[columns], [columns]));
        return (q.Name, $"{name}_scale", $"{name}_zero_point");
    }

    private static TensorProto Tensor(string name, TensorProto.Types.DataType type, byte[] data, IEnumerable<long> dims)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)type, RawData = ByteString.CopyFrom(data) };
        tensor.Dims.AddRange(dims);
        return tensor;
    }

    private static NodeProto Node(string opType, string name, string[] inputs, string[] outputs)
    {
        var node = new NodeProto { OpType = opType, Name = name };
        node.Input.AddRange(inputs);
        node.Output.AddRange(outputs);
        return node;
    }
}
