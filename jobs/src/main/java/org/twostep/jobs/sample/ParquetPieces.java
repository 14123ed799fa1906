package org.twostep.jobs.sample;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * One Parquet file of sampled rows written piece by piece with parquet-hadoop (no Spark, no row objects): each
 * record is a particle index into the current piece, its fields read from {@link SampleRows}.
 */
final class ParquetPieces implements AutoCloseable {
  private final Support support;
  private final ParquetWriter<Integer> writer;

  ParquetPieces(Path file, Configuration conf, SampleRows rows, boolean partitioned) throws IOException {
    this.support = new Support(rows, rows.fields(partitioned));
    this.writer = new Builder(HadoopOutputFile.fromPath(file, conf), support)
        .withWriteMode(ParquetFileWriter.Mode.OVERWRITE).withCompressionCodec(CompressionCodecName.SNAPPY)
        .withConf(conf).build();
  }

  void write(Cloud piece, int sigmaIndex) throws IOException {
    support.piece = piece;
    support.sigmaIndex = sigmaIndex;
    for (int i = 0; i < piece.size(); i++) {
      writer.write(i);
    }
  }

  @Override
  public void close() throws IOException {
    writer.close();
  }

  private static MessageType schema(List<StructField> fields) {
    Types.MessageTypeBuilder b = Types.buildMessage();
    for (StructField f : fields) {
      DataType t = f.dataType();
      if (t.equals(DataTypes.StringType)) {
        b.required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(f.name());
      } else if (t.equals(DataTypes.DoubleType)) {
        b.required(PrimitiveTypeName.DOUBLE).named(f.name());
      } else if (t.equals(DataTypes.FloatType)) {
        b.required(PrimitiveTypeName.FLOAT).named(f.name());
      } else if (t.equals(DataTypes.IntegerType)) {
        b.required(PrimitiveTypeName.INT32).named(f.name());
      } else if (t.equals(DataTypes.BooleanType)) {
        b.required(PrimitiveTypeName.BOOLEAN).named(f.name());
      } else {
        throw new IllegalArgumentException("no Parquet type for column " + f.name() + " of type " + t);
      }
    }
    return b.named("spark_schema");
  }

  private static final class Support extends WriteSupport<Integer> {
    private final SampleRows rows;
    private final List<StructField> fields;
    private final MessageType schema;
    private RecordConsumer out;
    Cloud piece;
    int sigmaIndex;

    Support(SampleRows rows, List<StructField> fields) {
      this.rows = rows;
      this.fields = fields;
      this.schema = schema(fields);
    }

    @Override
    public WriteContext init(Configuration configuration) {
      return new WriteContext(schema, Map.of());
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
      this.out = recordConsumer;
    }

    @Override
    public void write(Integer particle) {
      out.startMessage();
      for (int f = 0; f < fields.size(); f++) {
        String name = fields.get(f).name();
        out.startField(name, f);
        Object v = rows.value(name, piece, sigmaIndex, particle);
        if (v instanceof String s) {
          out.addBinary(Binary.fromString(s));
        } else if (v instanceof Double d) {
          out.addDouble(d);
        } else if (v instanceof Float x) {
          out.addFloat(x);
        } else if (v instanceof Integer k) {
          out.addInteger(k);
        } else {
          out.addBoolean((Boolean) v);
        }
        out.endField(name, f);
      }
      out.endMessage();
    }
  }

  private static final class Builder extends ParquetWriter.Builder<Integer, Builder> {
    private final Support support;

    Builder(HadoopOutputFile file, Support support) {
      super(file);
      this.support = support;
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    protected WriteSupport<Integer> getWriteSupport(Configuration conf) {
      return support;
    }
  }
}
