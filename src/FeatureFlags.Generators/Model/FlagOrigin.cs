// The shared validation rules record where each node came from as a FlagOrigin; the generator reads no
// configuration, so it only needs the type to compile them (the analyzers use the same span type).
global using FlagOrigin = Microsoft.CodeAnalysis.Text.TextSpan;
