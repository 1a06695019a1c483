//! Internally tagged enums read in one pass.
//!
//! The log writes each event as a JSON object whose `"type"` names its kind
//! (serde's internally tagged representation), and serde reads that form by
//! first copying the whole object into an intermediate tree, because the tag
//! could come last. Every line of a long log went through that copy twice
//! (the record, then its event): a third of the time of reading one.
//!
//! Serde writes the tag first, so this reader looks at the first key: when
//! it is the tag, the rest of the object goes straight to the variant's
//! fields, through an externally tagged mirror of the enum (a
//! `#[serde(remote = …)]` definition, which the compiler holds to the real
//! one field by field). When the tag comes later (an object written by
//! something else), the keys before it are kept as JSON values and read
//! first: the same result, only slower.

use std::marker::PhantomData;

use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, IntoDeserializer, MapAccess, VariantAccess,
    Visitor,
};

/// An enum read through its externally tagged mirror.
pub(crate) trait Mirrored: Sized {
    /// The key that names the variant.
    const TAG: &'static str;

    /// Reads the enum from an externally tagged deserializer: the mirror's
    /// derived `deserialize`.
    ///
    /// # Errors
    /// What the mirror's reading says.
    fn from_external<'de, D: Deserializer<'de>>(d: D) -> Result<Self, D::Error>;
}

/// Reads an internally tagged enum; see the module's documentation.
///
/// # Errors
/// What is wrong with the object: no tag, an unknown variant, a bad field.
pub(crate) fn deserialize<'de, D: Deserializer<'de>, T: Mirrored>(d: D) -> Result<T, D::Error> {
    d.deserialize_map(TagVisitor(PhantomData))
}

struct TagVisitor<T>(PhantomData<T>);

impl<'de, T: Mirrored> Visitor<'de> for TagVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "an object with a \"{}\" field", T::TAG)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        let mut before = Vec::new();
        loop {
            let Some(key) = map.next_key::<String>()? else {
                return Err(de::Error::missing_field(T::TAG));
            };
            if key == T::TAG {
                let variant: String = map.next_value()?;
                return T::from_external(Tagged {
                    variant,
                    rest: Rest {
                        before: before.into_iter(),
                        pending: None,
                        map,
                    },
                });
            }
            before.push((key, map.next_value::<serde_json::Value>()?));
        }
    }
}

/// The object as an externally tagged enum: the tag's value is the variant,
/// the other fields its content.
struct Tagged<A> {
    variant: String,
    rest: Rest<A>,
}

/// The fields other than the tag: those read before it, then the rest of
/// the object.
struct Rest<A> {
    before: std::vec::IntoIter<(String, serde_json::Value)>,
    pending: Option<serde_json::Value>,
    map: A,
}

impl<'de, A: MapAccess<'de>> Deserializer<'de> for Tagged<A> {
    type Error = A::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, A::Error> {
        visitor.visit_enum(self)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map struct enum identifier ignored_any
    }
}

impl<'de, A: MapAccess<'de>> EnumAccess<'de> for Tagged<A> {
    type Error = A::Error;
    type Variant = Rest<A>;

    fn variant_seed<S: DeserializeSeed<'de>>(
        self,
        seed: S,
    ) -> Result<(S::Value, Rest<A>), A::Error> {
        let variant = seed.deserialize(IntoDeserializer::<A::Error>::into_deserializer(
            self.variant,
        ))?;
        Ok((variant, self.rest))
    }
}

impl<'de, A: MapAccess<'de>> VariantAccess<'de> for Rest<A> {
    type Error = A::Error;

    fn unit_variant(mut self) -> Result<(), A::Error> {
        match self.next_key::<String>()? {
            Some(key) => Err(de::Error::unknown_field(&key, &[])),
            None => Ok(()),
        }
    }

    /// A newtype variant holds a struct (boxed, say) whose fields are the
    /// rest of the object, as serde writes an internally tagged newtype
    /// variant: the struct reads them as a struct variant would.
    fn newtype_variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<S::Value, A::Error> {
        seed.deserialize(de::value::MapAccessDeserializer::new(self))
    }

    fn tuple_variant<V: Visitor<'de>>(self, _: usize, _: V) -> Result<V::Value, A::Error> {
        Err(de::Error::invalid_type(
            de::Unexpected::TupleVariant,
            &"a variant with named fields",
        ))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        visitor.visit_map(self)
    }
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Rest<A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        if let Some((key, value)) = self.before.next() {
            self.pending = Some(value);
            return seed
                .deserialize(IntoDeserializer::<A::Error>::into_deserializer(key))
                .map(Some);
        }
        self.map.next_key_seed(seed)
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value, A::Error> {
        match self.pending.take() {
            Some(value) => seed.deserialize(value).map_err(de::Error::custom),
            None => self.map.next_value_seed(seed),
        }
    }
}

#[cfg(test)]
mod tests {
    use serde::{Deserialize, Serialize};

    #[derive(Debug, PartialEq, Serialize)]
    #[serde(tag = "type", rename_all = "snake_case")]
    enum Shape {
        Circle { r: u32 },
        Rect { w: u32, h: u32 },
    }

    #[derive(Deserialize)]
    #[serde(remote = "Shape", rename_all = "snake_case", deny_unknown_fields)]
    enum ShapeDef {
        Circle { r: u32 },
        Rect { w: u32, h: u32 },
    }

    impl super::Mirrored for Shape {
        const TAG: &'static str = "type";
        fn from_external<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            ShapeDef::deserialize(d)
        }
    }

    impl<'de> Deserialize<'de> for Shape {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            super::deserialize(d)
        }
    }

    fn read(json: &str) -> Result<Shape, String> {
        serde_json::from_str(json).map_err(|e| e.to_string())
    }

    #[test]
    fn the_tag_may_come_first_or_anywhere() {
        let rect = Shape::Rect { w: 2, h: 3 };
        assert_eq!(read(&serde_json::to_string(&rect).unwrap()), Ok(rect));
        assert_eq!(
            read(r#"{"w":2,"type":"rect","h":3}"#),
            Ok(Shape::Rect { w: 2, h: 3 })
        );
        assert_eq!(
            read(r#"{"r":1,"type":"circle"}"#),
            Ok(Shape::Circle { r: 1 })
        );
    }

    #[test]
    fn what_is_wrong_is_said() {
        let missing = read(r#"{"r":1}"#).unwrap_err();
        assert!(missing.contains("missing field `type`"), "{missing}");
        let unknown = read(r#"{"type":"square","r":1}"#).unwrap_err();
        assert!(unknown.contains("unknown variant `square`"), "{unknown}");
        let extra = read(r#"{"type":"circle","r":1,"x":0}"#).unwrap_err();
        assert!(extra.contains("unknown field `x`"), "{extra}");
        let before = read(r#"{"x":0,"type":"circle","r":1}"#).unwrap_err();
        assert!(before.contains("unknown field `x`"), "{before}");
        let wrong = read(r#"{"type":"circle","r":"one"}"#).unwrap_err();
        assert!(wrong.contains("invalid type"), "{wrong}");
        assert!(read("[1]").is_err());
    }
}
